-- Placeholder so Flyway has something to apply; the real schema replaces it.
CREATE TABLE schema_marker (
    id INT PRIMARY KEY
);
