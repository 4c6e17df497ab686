package dev.runtimes.server.metrics;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /q/metrics, in the Prometheus text format, read the way Prometheus reads it. */
final class Scrape {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private Scrape(String text) {
        this.text = text;
    }

    static Scrape now() {
        return new Scrape(given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract()
                .asString());
    }

    String text() {
        return text;
    }

    /** The sample of {@code name} whose labels include {@code labels}, or 0 when there is none yet. */
    double value(String name, Map<String, String> labels) {
        double found = 0;
        int matches = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()
                    && sample.group(1).equals(name)
                    && labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                found = Double.parseDouble(sample.group(3));
                matches++;
            }
        }
        if (matches > 1) {
            throw new AssertionError(matches + " samples of " + name + " match " + labels);
        }
        return found;
    }

    double value(String name) {
        return value(name, Map.of());
    }

    static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
