package org.medrelay.processors.fax;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OCR of one page image with Tesseract's command line ({@code tesseract IMAGE stdout tsv}), each run bounded by a
 * time limit. The TSV output gives every word's confidence; the page's confidence is their mean weighted by word length,
 * so a long misread word counts for more than a stray mark.
 */
public final class TesseractOcr {

    /** TSV columns: level page_num block_num par_num line_num word_num left top width height conf text. */
    private static final int WORD_LEVEL = 5;

    private final String command;
    private final String language;
    private final Duration timeout;

    public TesseractOcr(String command, String language, Duration timeout) {
        this.command = command;
        this.language = language;
        this.timeout = timeout;
    }

    /** The page's text and confidence. */
    public record Result(String text, double confidence, int words) {
    }

    /** True when the command runs here; fax reading without it reports image faxes as unreadable. */
    public boolean available() {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Result recognise(BufferedImage page, int dpi) throws OcrException {
        Path image = null;
        Path tsv = null;
        try {
            image = Files.createTempFile("medrelay-fax-page", ".png");
            tsv = Files.createTempFile("medrelay-fax-page", ".tsv");
            ImageIO.write(page, "png", image.toFile());
            ProcessBuilder builder = new ProcessBuilder(command, image.toString(), "stdout", "-l", language,
                    "--dpi", String.valueOf(dpi), "--psm", "3", "tsv")
                    .redirectOutput(tsv.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // One thread per page: the engine reads faxes side by side, and Tesseract's OpenMP threads would oversubscribe.
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new OcrException("OCR took longer than " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new OcrException("OCR failed: " + command + " exited with " + process.exitValue());
            }
            return parse(Files.readAllLines(tsv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OcrException("OCR could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("OCR interrupted", e);
        } finally {
            deleteQuietly(image);
            deleteQuietly(tsv);
        }
    }

    static Result parse(List<String> tsvLines) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        double weighted = 0;
        int characters = 0;
        int words = 0;
        for (String row : tsvLines) {
            String[] columns = row.split("\t", -1);
            if (columns.length < 12 || !columns[0].equals(String.valueOf(WORD_LEVEL))) {
                continue;
            }
            String word = columns[11].strip();
            double confidence = Double.parseDouble(columns[10]);
            if (word.isEmpty() || confidence < 0) {
                continue;
            }
            String lineKey = columns[1] + "." + columns[2] + "." + columns[3] + "." + columns[4];
            lines.computeIfAbsent(lineKey, key -> new ArrayList<>()).add(word);
            weighted += confidence * word.length();
            characters += word.length();
            words++;
        }
        StringBuilder text = new StringBuilder();
        lines.values().forEach(line -> text.append(String.join(" ", line)).append('\n'));
        return new Result(text.toString(), characters == 0 ? 0 : weighted / characters / 100.0, words);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the page image is PHI: if it cannot go now, it goes when the JVM exits
                file.toFile().deleteOnExit();
            }
        }
    }
}
