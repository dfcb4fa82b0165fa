package org.medrelay.routes.cli;

/** JSON string literals for the commands that print JSON lines field by field, in a fixed order. */
final class JsonStrings {

    private JsonStrings() {
    }

    /** {@code value} as a quoted JSON string, with quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
