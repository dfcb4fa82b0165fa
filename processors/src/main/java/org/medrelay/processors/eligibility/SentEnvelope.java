package org.medrelay.processors.eligibility;

/** ISA13, GS06 and ST02 of one 270 as sent, zero-padded as in the file (ISA13 nine digits, ST02 at least four). */
public record SentEnvelope(String interchange, String group, String transactionSet) {
}
