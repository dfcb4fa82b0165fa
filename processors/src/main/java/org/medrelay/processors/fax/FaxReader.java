package org.medrelay.processors.fax;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a fax file, PDF or TIFF as fax servers write them. Text a PDF carries is extracted with PDFBox; a page
 * without text (scanned, image-only) is rendered and read by OCR, as is every TIFF page (CCITT G3/G4, multi-page).
 * Never throws for bad content: an empty, corrupt or unrecognised file, an OCR failure or an OCR confidence below
 * the configured minimum gives an {@linkplain FaxReading#unreadable() unreadable} reading with the reason.
 */
public final class FaxReader {

    /** A PDF page with fewer letters than this is treated as an image page (a scan with a stray text label). */
    private static final int MIN_TEXT_LETTERS = 20;
    /** TIFF pages without a stated resolution: fax "fine" mode. */
    private static final int FAX_FINE_DPI = 200;

    private final FaxSettings settings;
    private final TesseractOcr ocr;

    public FaxReader(FaxSettings settings) {
        this(settings, new TesseractOcr(settings.ocrCommand(), settings.ocrLanguage(), settings.ocrTimeout()));
    }

    public FaxReader(FaxSettings settings, TesseractOcr ocr) {
        this.settings = settings;
        this.ocr = ocr;
    }

    /** @throws IOException only when the file itself cannot be opened (missing, no permission) */
    public FaxReading read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length == 0) {
            return FaxReading.unreadable(List.of(), "the file is empty");
        }
        if (startsWith(head, "%PDF")) {
            return readPdf(file);
        }
        if (startsWith(head, "II*\0") || startsWith(head, "MM\0*")) {
            return readTiff(file);
        }
        return FaxReading.unreadable(List.of(), "not a PDF or TIFF file");
    }

    private FaxReading readPdf(Path file) {
        List<FaxPage> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            int count = document.getNumberOfPages();
            if (count == 0) {
                return FaxReading.unreadable(pages, "the PDF has no pages");
            }
            if (count > settings.maxPages()) {
                return FaxReading.unreadable(pages, "the PDF has " + count + " pages, more than medrelay.fax.max-pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            PDFRenderer renderer = new PDFRenderer(document);
            for (int number = 1; number <= count; number++) {
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                String text = stripper.getText(document);
                if (letters(text) >= MIN_TEXT_LETTERS) {
                    pages.add(new FaxPage(number, text.strip(), 1.0, FaxPage.Source.PDF_TEXT));
                } else {
                    BufferedImage image = renderer.renderImageWithDPI(number - 1, settings.renderDpi(), ImageType.GRAY);
                    pages.add(ocrPage(number, image, settings.renderDpi()));
                }
            }
        } catch (InvalidPasswordException e) {
            return FaxReading.unreadable(pages, "the PDF is encrypted");
        } catch (IOException e) {
            return FaxReading.unreadable(pages, "the PDF cannot be read: " + e.getMessage());
        } catch (OcrException e) {
            return FaxReading.unreadable(pages, "page " + (pages.size() + 1) + ": " + e.getMessage());
        }
        return judged(pages);
    }

    private FaxReading readTiff(Path file) {
        List<FaxPage> pages = new ArrayList<>();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            if (count == 0) {
                return FaxReading.unreadable(pages, "the TIFF has no pages");
            }
            if (count > settings.maxPages()) {
                return FaxReading.unreadable(pages, "the TIFF has " + count + " pages, more than medrelay.fax.max-pages");
            }
            for (int index = 0; index < count; index++) {
                BufferedImage image = reader.read(index);
                pages.add(ocrPage(index + 1, image, dpi(reader.getImageMetadata(index))));
            }
        } catch (IOException | RuntimeException e) {
            // The JDK's TIFF plugin reports some damaged strips as runtime exceptions (ArrayIndexOutOfBounds).
            return FaxReading.unreadable(pages, "the TIFF cannot be read at page " + (pages.size() + 1) + ": " + e.getMessage());
        } catch (OcrException e) {
            return FaxReading.unreadable(pages, "page " + (pages.size() + 1) + ": " + e.getMessage());
        } finally {
            reader.dispose();
        }
        return judged(pages);
    }

    private FaxPage ocrPage(int number, BufferedImage image, int dpi) throws OcrException {
        TesseractOcr.Result result = ocr.recognise(image, dpi);
        return new FaxPage(number, result.text().strip(), result.confidence(), FaxPage.Source.OCR);
    }

    private FaxReading judged(List<FaxPage> pages) {
        if (pages.stream().allMatch(page -> letters(page.text()) == 0)) {
            return FaxReading.unreadable(pages, "no text found on any page");
        }
        for (FaxPage page : pages) {
            if (page.source() == FaxPage.Source.OCR && page.confidence() < settings.minOcrConfidence()) {
                return FaxReading.unreadable(pages, String.format("page %d: OCR confidence %.2f is below %.2f",
                        page.number(), page.confidence(), settings.minOcrConfidence()));
            }
        }
        return FaxReading.readable(pages);
    }

    /** The resolution a TIFF page states (standard metadata, millimetres per pixel), or fax fine mode. */
    private static int dpi(IIOMetadata metadata) {
        try {
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            var sizes = root.getElementsByTagName("HorizontalPixelSize");
            if (sizes.getLength() > 0) {
                double millimetresPerPixel = Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
                if (millimetresPerPixel > 0) {
                    return (int) Math.round(25.4 / millimetresPerPixel);
                }
            }
        } catch (RuntimeException e) {
            // no usable resolution tag: assume fax fine mode below
        }
        return FAX_FINE_DPI;
    }

    private static int letters(String text) {
        return (int) text.chars().filter(Character::isLetter).count();
    }

    private static boolean startsWith(byte[] head, String magic) {
        byte[] expected = magic.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.length >= expected.length && Arrays.equals(Arrays.copyOf(head, expected.length), expected);
    }
}
