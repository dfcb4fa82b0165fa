package org.medrelay.processors.fax;

/**
 * One page as read.
 *
 * @param number     1-based page number
 * @param text       the page's text, lines separated by newlines
 * @param confidence 0 to 1: 1 for text a PDF carries, the OCR engine's word confidence for an image page
 * @param source     how the text was obtained
 */
public record FaxPage(int number, String text, double confidence, Source source) {

    public enum Source { PDF_TEXT, OCR }
}
