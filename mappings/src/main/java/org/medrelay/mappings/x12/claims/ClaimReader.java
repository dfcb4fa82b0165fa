package org.medrelay.mappings.x12.claims;

import org.medrelay.mappings.x12.FunctionalGroupHeader;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12Segment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the 837 transaction sets of an X12 file (any delimiters, several envelopes) through {@link X12Reader},
 * which validates each against 005010X222A1 or 005010X223A2, and hands the handler a {@link ClaimOnFile} per CLM
 * as soon as the claim's last segment is read. Held at any time: the transaction set's header names, the current
 * billing provider, subscriber and patient levels, and the claim being read, so memory does not grow with the
 * file. Transaction sets other than 837 are skipped.
 */
public final class ClaimReader {

    private final X12Reader reader;

    public ClaimReader() {
        this(new X12Reader());
    }

    public ClaimReader(X12Reader reader) {
        this.reader = reader;
    }

    /** Reads to the end; throws only when the file cannot be lexed as X12 at all. */
    public void read(InputStream input, ClaimHandler handler) throws X12InputException, IOException {
        reader.read(input, new Pass(handler));
    }

    /**
     * The same reading, for a caller that already streams the segments (as {@code medrelay x12 read} does): hand
     * it every segment from GS (or ST) to SE.
     */
    public static X12Handler segmentHandler(ClaimHandler handler) {
        return new Pass(handler);
    }

    /** Segment by segment: header (BHT, 1000A/1000B), then hierarchical levels (HL03 20, 22, 23) and claims (CLM). */
    private static final class Pass implements X12Handler {
        private final ClaimHandler handler;
        private String groupGuide = "";
        private String guide = "";
        private boolean in837;
        private final List<X12Segment> header = new ArrayList<>();
        private List<X12Segment> billingProvider = new ArrayList<>();
        private List<X12Segment> subscriber = new ArrayList<>();
        private List<X12Segment> patient = new ArrayList<>();
        private List<X12Segment> level = header;
        private List<X12Segment> claim;

        Pass(ClaimHandler handler) {
            this.handler = handler;
        }

        @Override
        public void segment(X12Segment segment) {
            switch (segment.id()) {
                case "GS" -> groupGuide = segment.element(8);
                case "ST" -> start(segment);
                case "SE" -> endClaim();
                default -> {
                    if (in837) {
                        transactionSegment(segment);
                    }
                }
            }
        }

        private void start(X12Segment st) {
            endClaim(); // a transaction set cut off before its SE: its last claim as read (the set is reported invalid)
            in837 = "837".equals(st.element(1));
            guide = st.element(3).isEmpty() ? groupGuide : st.element(3);
            header.clear();
            level = header;
            claim = null;
        }

        private void transactionSegment(X12Segment segment) {
            if ("HL".equals(segment.id())) {
                endClaim();
                level = new ArrayList<>();
                switch (segment.element(3)) {
                    case "20" -> {
                        billingProvider = level;
                        subscriber = new ArrayList<>();
                        patient = new ArrayList<>();
                    }
                    case "22" -> {
                        subscriber = level;
                        patient = new ArrayList<>();
                    }
                    default -> patient = level;
                }
            } else if ("CLM".equals(segment.id())) {
                endClaim();
                claim = new ArrayList<>();
            }
            (claim != null ? claim : level).add(segment);
        }

        private void endClaim() {
            if (claim == null || !in837) {
                return;
            }
            List<X12Segment> all = new ArrayList<>(header);
            all.addAll(billingProvider);
            all.addAll(subscriber);
            all.addAll(patient);
            all.addAll(claim);
            claim = null;
            handler.claim(ClaimAssembler.assemble(guide, all));
        }

        @Override
        public void transactionSetEnded(FunctionalGroupHeader group, TransactionSet transactionSet) {
            if (in837) {
                endClaim(); // SE missing: the envelope ended the set
                handler.claimsEnded(transactionSet);
            }
            in837 = false;
        }
    }
}
