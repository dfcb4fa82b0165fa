package org.medrelay.processors.remittance;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The {@code medrelay.remittance.*} properties the remittance beans need (documented with their defaults in the
 * engine's medrelay-defaults.properties). Read at engine start, so a malformed value stops it naming the property.
 */
public final class RemittanceSettings {

    public static final String PREFIX = "medrelay.remittance.";
    private final Function<String, String> property;

    /** @param property the configuration, key to value; a missing key reads as null or empty */
    public RemittanceSettings(Function<String, String> property) {
        this.property = key -> {
            String value = property.apply(PREFIX + key);
            return value == null ? "" : value.trim();
        };
    }

    public Path quarantineDir() {
        return Path.of(required("quarantine-dir"));
    }

    public Path rawCopyDir() {
        return Path.of(required("raw-copy-dir"));
    }

    public boolean acknowledgeReceived() {
        return Boolean.parseBoolean(required("acknowledge-received"));
    }

    /** The operator's appeal window table, or null for the shipped one. */
    public Path appealWindowsFile() {
        String file = property.apply("appeal-windows-file");
        return file.isEmpty() ? null : Path.of(file);
    }

    public int appealWindowDefaultDays() {
        return integer("appeal-window-default-days");
    }

    /** Dollars at stake at or above which a claim's item is more pressing. */
    public BigDecimal highDollarAmount() {
        try {
            return new BigDecimal(required("priority.high-dollar-amount"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + "priority.high-dollar-amount is not an amount");
        }
    }

    /** An appeal deadline this close (days) makes the item more pressing. */
    public int deadlineSoonDays() {
        return integer("priority.deadline-soon-days");
    }

    /** How many days before the appeal deadline an item is due (and escalates when still open). */
    public int dueBeforeDeadlineDays() {
        return integer("priority.due-before-deadline-days");
    }

    public boolean patientResponsibilityItems() {
        return Boolean.parseBoolean(required("work-items.patient-responsibility"));
    }

    /** The operator's folder of letter templates (appeal-letter.ftl), or null for the built-in one. */
    public Path templatesDir() {
        String dir = property.apply("templates-dir");
        return dir.isEmpty() ? null : Path.of(dir);
    }

    private int integer(String key) {
        try {
            return Integer.parseInt(required(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " is not a whole number");
        }
    }

    private String required(String key) {
        String value = property.apply(key);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + key + " is required");
        }
        return value;
    }
}
