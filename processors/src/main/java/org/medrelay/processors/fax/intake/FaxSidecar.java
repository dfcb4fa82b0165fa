package org.medrelay.processors.fax.intake;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * What the fax server says of a fax beside it: a Java properties file with the fax's base name and the extension
 * {@value #EXTENSION} ({@code 20261124-0915-4471.pdf} and {@code 20261124-0915-4471.properties}), with
 * {@code sender-fax} (the sending number as the server shows it), {@code received} (ISO-8601 with offset, e.g.
 * {@code 2026-11-24T09:15:02-05:00}) and {@code pages}. Every key is optional; a value that does not parse is left out
 * and named in {@code problems}, never a reason to leave the fax behind.
 */
public record FaxSidecar(Optional<String> senderFax, Optional<Instant> received, Optional<Integer> pages, String problems) {

    public static final String EXTENSION = ".properties";
    public static final FaxSidecar NONE = new FaxSidecar(Optional.empty(), Optional.empty(), Optional.empty(), "");

    /** The sidecar next to a fax in a local folder, or {@link #NONE}. */
    public static FaxSidecar beside(Path fax) throws IOException {
        Path sidecar = pathBeside(fax);
        return Files.isRegularFile(sidecar) ? parse(Files.readString(sidecar, StandardCharsets.UTF_8)) : NONE;
    }

    public static Path pathBeside(Path fax) {
        return fax.resolveSibling(nameBeside(fax.getFileName().toString()));
    }

    /** {@code fax-0042.tif} to {@code fax-0042.properties}. */
    public static String nameBeside(String faxName) {
        int dot = faxName.lastIndexOf('.');
        return (dot > 0 ? faxName.substring(0, dot) : faxName) + EXTENSION;
    }

    public static FaxSidecar parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Properties values = new Properties();
        try {
            values.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new FaxSidecar(Optional.empty(), Optional.empty(), Optional.empty(), "sidecar not a properties file");
        }
        StringBuilder problems = new StringBuilder();
        Optional<String> sender = Optional.ofNullable(values.getProperty("sender-fax")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.length() > 40 ? s.substring(0, 40) : s);
        Optional<Instant> received = Optional.empty();
        String receivedText = values.getProperty("received");
        if (receivedText != null) {
            try {
                received = Optional.of(OffsetDateTime.parse(receivedText.strip()).toInstant());
            } catch (DateTimeParseException e) {
                problems.append("received is not an ISO-8601 time with offset; ");
            }
        }
        Optional<Integer> pages = Optional.empty();
        String pagesText = values.getProperty("pages");
        if (pagesText != null) {
            try {
                pages = Optional.of(Integer.parseInt(pagesText.strip())).filter(n -> n > 0);
            } catch (NumberFormatException e) {
                problems.append("pages is not a number; ");
            }
        }
        return new FaxSidecar(sender, received, pages, problems.toString().strip());
    }
}
