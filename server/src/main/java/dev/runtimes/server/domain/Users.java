package dev.runtimes.server.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The table {@code users}. */
@ApplicationScoped
public class Users {
    private static final String SELECT = "select id, name, created_at from users";

    private final Rows rows;

    Users(Rows rows) {
        this.rows = rows;
    }

    public Optional<AppUser> byId(UUID id) {
        return rows.first(SELECT + " where id = ?", Users::read, id);
    }

    public Optional<AppUser> byName(String name) {
        return rows.first(SELECT + " where name = ?", Users::read, name);
    }

    public void insert(AppUser user) {
        rows.update(
                "insert into users (id, name, created_at) values (?, ?, ?)",
                user.id(),
                user.name(),
                Rows.timestamp(user.createdAt()));
    }

    private static AppUser read(ResultSet rs) throws SQLException {
        return new AppUser(rs.getObject(1, UUID.class), rs.getString(2), Rows.instant(rs, 3));
    }
}
