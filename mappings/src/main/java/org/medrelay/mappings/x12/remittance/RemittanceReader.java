package org.medrelay.mappings.x12.remittance;

import org.medrelay.mappings.x12.FunctionalGroupHeader;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12Segment;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the 835 transaction sets of an X12 file (any delimiters, several envelopes) through {@link X12Reader},
 * which validates each against 005010X221A1, and hands the handler a {@link RemittanceAdvice} per transaction
 * set and a {@link ClaimPayment} per claim as soon as the claim's last segment is read. Only the claim being
 * read is held, so memory does not grow with the file. Transaction sets other than 835 are skipped.
 */
public final class RemittanceReader {

    private final X12Reader reader;

    public RemittanceReader() {
        this(new X12Reader());
    }

    public RemittanceReader(X12Reader reader) {
        this.reader = reader;
    }

    /** Reads to the end; throws only when the file cannot be lexed as X12 at all. */
    public void read(InputStream input, RemittanceHandler handler) throws X12InputException, IOException {
        reader.read(input, new Pass(handler));
    }

    /**
     * The same reading, for a caller that already streams the segments (as {@code medrelay x12 read} does): hand
     * it every segment from GS (or ST) to SE.
     */
    public static X12Handler segmentHandler(RemittanceHandler handler) {
        return new Pass(handler);
    }

    /** Segment by segment: header (table 1, loops 1000A/1000B), then claims (loops 2100/2110). */
    private static final class Pass implements X12Handler {
        private final RemittanceHandler handler;
        private String groupVersion = "";
        private boolean in835;
        private RemittanceHeaderAssembler header;
        private RemittanceAdvice advice;
        private ClaimAssembler claim;

        Pass(RemittanceHandler handler) {
            this.handler = handler;
        }

        @Override
        public void segment(X12Segment segment) {
            switch (segment.id()) {
                case "GS" -> groupVersion = segment.element(8);
                case "ST" -> start(segment);
                default -> {
                    if (in835) {
                        transactionSegment(segment);
                    }
                }
            }
        }

        private void start(X12Segment st) {
            in835 = "835".equals(st.element(1));
            advice = null;
            claim = null;
            header = in835 ? new RemittanceHeaderAssembler(st.element(2), st.element(3).isEmpty() ? groupVersion : st.element(3)) : null;
        }

        private void transactionSegment(X12Segment segment) {
            switch (segment.id()) {
                case "LX", "TS3", "TS2", "PLB", "SE" -> {
                    endClaim();
                    started();
                }
                case "CLP" -> {
                    endClaim();
                    started();
                    claim = new ClaimAssembler(segment);
                }
                default -> {
                    if (claim != null) {
                        claim.segment(segment);
                    } else if (advice == null) {
                        header.segment(segment);
                    }
                }
            }
        }

        /** The header is complete once the detail (LX, CLP) or summary (PLB, SE) begins. */
        private void started() {
            if (advice == null) {
                advice = header.build();
                handler.remittanceStarted(advice);
            }
        }

        private void endClaim() {
            if (claim != null) {
                handler.claim(advice, claim.build());
                claim = null;
            }
        }

        @Override
        public void transactionSetEnded(FunctionalGroupHeader group, TransactionSet transactionSet) {
            if (in835 && advice != null) {
                handler.remittanceEnded(advice, transactionSet);
            }
            in835 = false;
        }
    }
}
