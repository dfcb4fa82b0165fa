package org.medrelay.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.medrelay.processors.fax.FaxClassifier;
import org.medrelay.processors.fax.FaxReader;
import org.medrelay.processors.fax.FaxReading;
import org.medrelay.processors.fax.FaxSettings;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fax benchmark: pages per second of the fax corpus (test-data, synthetic) read as the engine reads it. Text PDFs: the
 * baseline is PDFBox's own text extraction (load, strip); MedRelay's path is {@link FaxReader} (PDFBox per page, the
 * fax checks) then {@link FaxClassifier} (OpenNLP + rules + field extraction). OCR pages (image-only PDFs rendered at
 * medrelay.fax.ocr.dpi, G4 TIFFs at their own resolution): FaxReader with Tesseract's command line, one process per
 * page, then the classifier. After one untimed pass over the text PDFs, each figure is the best of two rounds.
 * Usage: FaxBenchmark [--text-faxes 216] [--ocr-faxes 24]
 */
public final class FaxBenchmark {

    private static final String CORPUS = "/medrelay-test-data/fax/";

    public static void main(String[] args) throws Exception {
        int textFaxes = BenchOptions.intOption(args, "--text-faxes", 216);
        int ocrFaxes = BenchOptions.intOption(args, "--ocr-faxes", 24);
        Path folder = Files.createTempDirectory("medrelay-bench-fax-");
        List<Path> text = new ArrayList<>();
        List<Path> ocr = new ArrayList<>();
        for (String line : read("labels.tsv").lines().skip(1).toList()) {
            String[] columns = line.split("\t", -1);
            boolean isText = columns[3].equals("text-pdf");
            if (isText ? text.size() >= textFaxes : ocr.size() >= ocrFaxes) {
                continue;
            }
            Path file = folder.resolve(columns[4].substring("files/".length()));
            try (InputStream in = FaxBenchmark.class.getResourceAsStream(CORPUS + columns[4])) {
                Files.write(file, in.readAllBytes());
            }
            (isText ? text : ocr).add(file);
        }
        FaxSettings settings = FaxSettings.defaults();
        FaxReader reader = new FaxReader(settings);
        FaxClassifier classifier = FaxClassifier.shipped(settings);
        System.out.printf("corpus: %d text PDFs, %d image-only PDFs and G4 TIFFs (OCR); %d CPUs%n", text.size(), ocr.size(),
                Runtime.getRuntime().availableProcessors());
        // warm up: PDFBox's font cache and the JIT, so the first timed path does not pay for them
        for (Path fax : text) {
            pdfBoxPages(fax);
            classifier.classify(reader.read(fax));
        }
        double baseline = 0;
        double readText = 0;
        double classifiedText = 0;
        double classifiedOcr = 0;
        for (int round = 1; round <= 2; round++) {
            baseline = Math.max(baseline, timed("PDFBox load + text extraction", text, FaxBenchmark::pdfBoxPages));
            readText = Math.max(readText, timed("FaxReader, text PDFs", text, f -> pages(reader.read(f))));
            classifiedText = Math.max(classifiedText, timed("FaxReader + FaxClassifier, text PDFs", text, f -> {
                FaxReading reading = reader.read(f);
                classifier.classify(reading);
                return pages(reading);
            }));
            classifiedOcr = Math.max(classifiedOcr, timed("FaxReader (Tesseract) + FaxClassifier, OCR", ocr, f -> {
                FaxReading reading = reader.read(f);
                classifier.classify(reading);
                return pages(reading);
            }));
        }
        System.out.printf("best: PDFBox %,.1f pages/s; MedRelay text PDFs %,.1f pages/s read (%.2fx the baseline's time),"
                        + " %,.1f read and classified (%.2fx); OCR pages %,.2f pages/s read and classified (%.0fx)%n",
                baseline, readText, baseline / readText, classifiedText, baseline / classifiedText, classifiedOcr,
                baseline / classifiedOcr);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    private interface PagesOf {
        int pages(Path fax) throws Exception;
    }

    /** Pages per second over the faxes; fails on a fax the path could not read, so a broken path is not fast. */
    private static double timed(String name, List<Path> faxes, PagesOf path) throws Exception {
        long start = System.nanoTime();
        long pages = 0;
        for (Path fax : faxes) {
            int read = path.pages(fax);
            if (read == 0) {
                throw new IllegalStateException(name + ": " + fax.getFileName() + " not read");
            }
            pages += read;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-44s %7.2f s  %5d pages  %8.2f pages/s%n", name, seconds, pages, pages / seconds);
        return pages / seconds;
    }

    private static int pages(FaxReading reading) {
        return reading.readable() ? reading.pages().size() : 0;
    }

    private static int pdfBoxPages(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).isBlank() ? 0 : document.getNumberOfPages();
        }
    }

    private static String read(String name) throws Exception {
        try (InputStream in = FaxBenchmark.class.getResourceAsStream(CORPUS + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
