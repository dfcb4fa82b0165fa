package org.medrelay.testdata.fax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed source of the fax corpus: per type, a file of layouts separated by a line {@code =====}. In a layout
 * {@code {a|b|c}} picks one wording and {@code ${slot}} takes an invented value, so one layout yields many faxes.
 */
final class FaxTemplates {

    private static final Pattern CHOICE = Pattern.compile("(?<!\\$)\\{([^{}$]*(?:\\$\\{[a-z_0-9]+}[^{}$]*)*)}");
    private static final Pattern SLOT = Pattern.compile("\\$\\{([a-z_0-9]+)}");

    private final List<String> layouts;

    private FaxTemplates(List<String> layouts) {
        this.layouts = layouts;
    }

    static FaxTemplates load(Path file) throws IOException {
        List<String> layouts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.equals("=====")) {
                layouts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        layouts.add(current.toString());
        return new FaxTemplates(List.copyOf(layouts));
    }

    int size() {
        return layouts.size();
    }

    /** Layout {@code index}, its wordings picked with {@code random}, its slots filled from {@code values}. */
    String fill(int index, Random random, Map<String, String> values) {
        String text = layouts.get(index);
        Matcher choice = CHOICE.matcher(text);
        StringBuilder chosen = new StringBuilder();
        while (choice.find()) {
            String[] options = choice.group(1).split("\\|", -1);
            choice.appendReplacement(chosen, Matcher.quoteReplacement(options[random.nextInt(options.length)]));
        }
        choice.appendTail(chosen);
        Matcher slot = SLOT.matcher(chosen);
        StringBuilder filled = new StringBuilder();
        while (slot.find()) {
            String value = values.get(slot.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template slot without a value: " + slot.group(1));
            }
            slot.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        slot.appendTail(filled);
        return filled.toString().strip();
    }

}
