package org.medrelay.processors.fax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaxReaderTest {

    @TempDir
    Path folder;

    private final FaxReader reader = new FaxReader(FaxSettings.defaults());

    @Test
    void textPdfIsReadFromItsTextWithoutOcr() throws Exception {
        FaxCorpus.Fax fax = first("text-pdf", 2);
        FaxReading reading = reader.read(fax.copyTo(folder));

        assertTrue(reading.readable(), reading.unreadable().toString());
        assertEquals(fax.pages(), reading.pages().size());
        assertTrue(reading.pages().stream().allMatch(page -> page.source() == FaxPage.Source.PDF_TEXT));
        assertEquals(1.0, reading.confidence());
        assertFalse(reading.usedOcr());
        assertEquals(words(fax.text()), words(reading.text()), "every word of the fax, none missing, none added");
    }

    @Test
    void multiPageG4TiffIsReadByOcrWithPageConfidence() throws Exception {
        Tesseract.assumeInstalled();
        FaxCorpus.Fax fax = first("g4-tiff", 2);
        FaxReading reading = reader.read(fax.copyTo(folder));

        assertTrue(reading.readable(), reading.unreadable().toString());
        assertEquals(fax.pages(), reading.pages().size());
        assertEquals(List.of(1, 2), reading.pages().stream().map(FaxPage::number).limit(2).toList());
        assertTrue(reading.pages().stream().allMatch(page -> page.source() == FaxPage.Source.OCR));
        assertTrue(reading.confidence() > 0.6 && reading.confidence() < 1.0, "OCR confidence " + reading.confidence());
        assertMostWordsRead(fax, reading);
    }

    @Test
    void imageOnlyPdfIsRenderedAndReadByOcr() throws Exception {
        Tesseract.assumeInstalled();
        FaxCorpus.Fax fax = first("image-pdf", 1);
        FaxReading reading = reader.read(fax.copyTo(folder));

        assertTrue(reading.readable(), reading.unreadable().toString());
        assertEquals(fax.pages(), reading.pages().size());
        assertTrue(reading.usedOcr());
        assertMostWordsRead(fax, reading);
    }

    @Test
    void g3TiffAsOlderFaxServersWriteItIsReadByOcr() throws Exception {
        Tesseract.assumeInstalled();
        FaxCorpus.Fax fax = FaxCorpus.heldOut().stream()
                .filter(f -> f.format().equals("g4-tiff") && f.pages() == 1 && f.patientName() != null).findFirst().orElseThrow();
        BufferedImage page = ImageIO.read(fax.copyTo(folder).toFile());
        FaxReading reading = reader.read(tiff(page, "CCITT T.4", "g3.tif"));

        assertTrue(reading.readable(), reading.unreadable().toString());
        assertEquals(1, reading.pages().size());
        assertMostWordsRead(fax, reading);
    }

    @Test
    void emptyFileIsUnreadable() throws Exception {
        assertUnreadable(Files.write(folder.resolve("empty.pdf"), new byte[0]), "the file is empty");
    }

    @Test
    void fileThatIsNeitherPdfNorTiffIsUnreadable() throws Exception {
        Path note = Files.writeString(folder.resolve("note.pdf"), "Please call me back about the results.");
        assertUnreadable(note, "not a PDF or TIFF file");
    }

    @Test
    void damagedPdfIsUnreadableWithTheReason() throws Exception {
        Path damaged = Files.writeString(folder.resolve("damaged.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages", StandardCharsets.ISO_8859_1);
        FaxReading reading = reader.read(damaged);
        assertFalse(reading.readable());
        assertTrue(reading.unreadable().orElseThrow().startsWith("the PDF cannot be read"), reading.unreadable().orElseThrow());
    }

    @Test
    void truncatedTiffIsUnreadableWithTheReason() throws Exception {
        Path whole = first("g4-tiff", 1).copyTo(folder);
        Path truncated = Files.write(folder.resolve("truncated.tif"), Arrays.copyOf(Files.readAllBytes(whole), 300));
        FaxReading reading = reader.read(truncated);
        assertFalse(reading.readable());
        assertTrue(reading.unreadable().orElseThrow().startsWith("the TIFF cannot be read"), reading.unreadable().orElseThrow());
    }

    @Test
    void blankPageHasNoTextAndIsUnreadable() throws Exception {
        Tesseract.assumeInstalled();
        BufferedImage blank = new BufferedImage(1700, 2200, BufferedImage.TYPE_BYTE_BINARY);
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1700, 2200);
        g.dispose();
        assertUnreadable(tiff(blank, "CCITT T.6", "blank.tif"), "no text found on any page");
    }

    @Test
    void ocrThatCannotRunLeavesTheFaxUnreadableNotLost() throws Exception {
        FaxReader withoutOcr = new FaxReader(FaxSettings.fromProperties(Map.of("medrelay.fax.ocr.command", "/nonexistent/tesseract")::get));
        FaxReading reading = withoutOcr.read(first("g4-tiff", 1).copyTo(folder));
        assertFalse(reading.readable());
        assertTrue(reading.unreadable().orElseThrow().startsWith("page 1: OCR could not run /nonexistent/tesseract"),
                reading.unreadable().orElseThrow());
    }

    @Test
    void ocrBelowTheMinimumConfidenceIsUnreadable() throws Exception {
        Tesseract.assumeInstalled();
        FaxReader strict = new FaxReader(FaxSettings.fromProperties(Map.of("medrelay.fax.ocr.min-confidence", "0.99")::get));
        FaxReading reading = strict.read(first("image-pdf", 1).copyTo(folder));
        assertFalse(reading.readable());
        assertTrue(reading.unreadable().orElseThrow().matches("page 1: OCR confidence 0\\.\\d\\d is below 0\\.99"),
                reading.unreadable().orElseThrow());
        assertEquals(first("image-pdf", 1).pages(), reading.pages().size(), "the pages read are kept with the reading");
    }

    @Test
    void missingFileIsAnErrorNotAReading() {
        assertThrows(NoSuchFileException.class, () -> reader.read(folder.resolve("nowhere.pdf")));
    }

    private void assertUnreadable(Path file, String reason) throws Exception {
        FaxReading reading = reader.read(file);
        assertFalse(reading.readable());
        assertEquals(reason, reading.unreadable().orElseThrow());
    }

    /** OCR of a synthetic fax page at 200 dpi gets at least 85% of its words of four letters or more. */
    private static void assertMostWordsRead(FaxCorpus.Fax fax, FaxReading reading) throws Exception {
        Set<String> expected = words(fax.text()).stream().filter(w -> w.length() >= 4).collect(Collectors.toSet());
        Set<String> read = Set.copyOf(words(reading.text()));
        long found = expected.stream().filter(read::contains).count();
        assertTrue(found >= 0.85 * expected.size(), fax.id() + ": " + found + " of " + expected.size() + " words read");
        String lastName = fax.patientName().substring(fax.patientName().lastIndexOf(' ') + 1);
        assertTrue(reading.text().contains(lastName), fax.id() + ": the patient's name read");
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static FaxCorpus.Fax first(String format, int minPages) throws Exception {
        return FaxCorpus.heldOut().stream()
                .filter(fax -> fax.format().equals(format) && fax.pages() >= minPages && fax.patientName() != null)
                .findFirst().orElseThrow();
    }

    private Path tiff(BufferedImage page, String compression, String name) throws Exception {
        Path file = folder.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(compression);
            writer.write(null, new IIOImage(page, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }
}
