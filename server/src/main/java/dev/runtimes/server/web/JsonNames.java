package dev.runtimes.server.web;

/** The spec names every body property in snake_case; Java names them in camelCase. */
final class JsonNames {
    private JsonNames() {}

    static String of(String javaName) {
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
