package org.medrelay.processors.fax;

import org.junit.jupiter.api.Assumptions;

/** Tests that OCR need Debian's tesseract-ocr (.ci/run installs it); without it they say so and are skipped. */
final class Tesseract {

    private static Boolean available;

    private Tesseract() {
    }

    static synchronized void assumeInstalled() {
        if (available == null) {
            available = new TesseractOcr("tesseract", "eng", java.time.Duration.ofSeconds(10)).available();
            if (!available) {
                System.err.println("SKIPPED: OCR tests need the tesseract command (apt-get install tesseract-ocr)");
            }
        }
        Assumptions.assumeTrue(available, "SKIPPED: tesseract is not installed (apt-get install tesseract-ocr)");
    }
}
