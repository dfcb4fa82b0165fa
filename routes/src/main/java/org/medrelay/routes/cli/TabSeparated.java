package org.medrelay.routes.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One line of the CLI's list output: cells joined by tabs, an empty cell shown as "-", and tabs or line
 * breaks inside a cell turned into spaces, so every record stays one line that `cut -f` splits right.
 */
final class TabSeparated {

    private TabSeparated() {
    }

    static String line(String... cells) {
        return Arrays.stream(cells).map(TabSeparated::cell).collect(Collectors.joining("\t"));
    }

    private static String cell(String value) {
        return value == null || value.isEmpty() ? "-" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
