package dev.runtimes.server.web.json;

/** The spec names every body property in snake_case; Java names them in camelCase. */
public final class JsonNames {
    private JsonNames() {}

    public static String of(String javaName) {
        StringBuilder name = new StringBuilder(javaName.length() + 4);
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
