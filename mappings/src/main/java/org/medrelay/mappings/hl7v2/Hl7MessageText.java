package org.medrelay.mappings.hl7v2;

/**
 * One message after {@link Hl7MessageNormalizer}: segments separated by CR only, no blank lines,
 * delimiters checked, and its MSH header read.
 */
record Hl7MessageText(String text, MshHeader header) {
}
