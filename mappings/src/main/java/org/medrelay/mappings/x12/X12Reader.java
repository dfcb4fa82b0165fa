package org.medrelay.mappings.x12;

import io.xlate.edi.schema.EDILoopType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Streams an X12 file with StAEDI: any delimiters (found in each ISA), segment terminators with or without
 * line breaks, several ISA envelopes in one file. StAEDI checks the control structure (ISA13 = IEA02,
 * GS06 = GE02, ST02 = SE02, SE01, GE01, IEA01 counts) and each transaction set against MedRelay's
 * implementation schema for its guide; this class turns every error StAEDI reports into the 999 or TA1 code
 * a receiver answers with, at its segment position, and hands the handler one summary per transaction set,
 * functional group and interchange. Errors are collected, not thrown; only a file that cannot be lexed at all
 * ends in an {@link X12InputException}.
 */
public final class X12Reader {

    private final ImplementationSchemas schemas;
    private final boolean keepAcceptedTransactionSets;

    public X12Reader() {
        this(ImplementationSchemas.shipped());
    }

    public X12Reader(ImplementationSchemas schemas) {
        this(schemas, true);
    }

    private X12Reader(ImplementationSchemas schemas, boolean keepAcceptedTransactionSets) {
        this.schemas = schemas;
        this.keepAcceptedTransactionSets = keepAcceptedTransactionSets;
    }

    /**
     * A reader for the mapping pass over a file already validated whole: each transaction set's summary goes to the
     * handler as it ends, but the group summaries keep only the sets in error and repeated ST02s are not looked for,
     * so memory stays flat however many transaction sets (a 271 batch's responses) the file holds. Not for answering
     * with a 999: that needs every set's summary.
     */
    public static X12Reader mappingOnly(ImplementationSchemas schemas) {
        return new X12Reader(schemas, false);
    }

    public void read(InputStream input, X12Handler handler) throws X12InputException, IOException {
        X12InputNormalizer normalized = new X12InputNormalizer(input);
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(normalized)) {
            new Pass(reader, handler, normalized).run();
        } catch (EDIStreamException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static X12InputException unreadable(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // StAEDI names its lexer codes (EDIE003); keep the position it gives, drop the code
        message = message.replaceFirst("^EDIE\\d+ - ", "").replace(" - ", ": ")
                .replace("\r", "\\r").replace("\n", "\\n").replace("\u001d", "\\x1d");
        InterchangeNote note = message.contains("end of stream") ? InterchangeNote.PREMATURE_END_OF_FILE
                : InterchangeNote.INVALID_CONTROL_STRUCTURE;
        return new X12InputException("not readable as X12: " + message, note, e);
    }

    /** One read of one file: StAEDI's cursor plus the summaries being built. */
    private final class Pass {
        private final EDIStreamReader reader;
        private final X12Handler handler;
        private final X12InputNormalizer input;
        private final SegmentBuffer segment = new SegmentBuffer();
        private final Deque<String> loops = new ArrayDeque<>();
        private final Envelopes envelopes = new Envelopes(keepAcceptedTransactionSets);
        private boolean controlSchemaSet;
        private X12Delimiters delimiters = X12Delimiters.standard();
        private int positionInTransaction;
        private int transactionStart;
        private String businessUnit = "";
        private String currentLevel = "";
        private final java.util.Map<String, String> levelTraces = new java.util.HashMap<>();
        private String validatedAgainst = "";

        Pass(EDIStreamReader reader, X12Handler handler, X12InputNormalizer input) {
            this.reader = reader;
            this.handler = handler;
            this.input = input;
        }

        void run() throws EDIStreamException {
            boolean any = false;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                any = true;
                if (event.isError()) {
                    error(event);
                } else {
                    structure(event);
                }
            }
            if (!any || envelopes.interchangesSeen == 0) {
                throw new EDIStreamException("no ISA interchange header found");
            }
        }

        private void structure(EDIStreamEvent event) {
            switch (event) {
                case START_INTERCHANGE -> startInterchange();
                case START_TRANSACTION -> startTransaction();
                case START_LOOP -> loops.push(reader.getReferenceCode());
                case END_LOOP -> loops.poll();
                case START_SEGMENT -> startSegment();
                case ELEMENT_DATA -> segment.element(reader.getLocation(), reader.getText());
                case END_SEGMENT -> endSegment();
                case END_TRANSACTION -> handler.transactionSetEnded(envelopes.groupHeader(), envelopes.endTransaction(positionInTransaction, validatedAgainst));
                case END_GROUP -> handler.functionalGroupEnded(envelopes.endGroup());
                case END_INTERCHANGE -> handler.interchangeEnded(envelopes.endInterchange());
                default -> {
                    // START_GROUP, START/END_COMPOSITE, ELEMENT_DATA_BINARY: the segments say it all
                }
            }
        }

        private void startInterchange() {
            String[] version = reader.getVersion();
            if (!controlSchemaSet && version != null && version.length > 0 && "00501".equals(version[0])) {
                reader.setControlSchema(schemas.interchange00501());
                controlSchemaSet = true;
            }
            delimiters = X12Delimiters.of(reader.getDelimiters(), input.lineEnding());
            envelopes.startInterchange(delimiters, envelopes.interchangesSeen == 0 ? input.findings() : List.of());
            handler.interchangeStarted(delimiters);
        }

        private void startTransaction() {
            positionInTransaction = 0;
            businessUnit = "";
            levelTraces.clear();
            validatedAgainst = "";
        }

        /**
         * StAEDI takes a transaction schema only while the ST segment is current: choose it from ST01 and
         * ST03 (or GS08) once ST has been read.
         */
        private void chooseTransactionSchema(X12Segment st) {
            TransactionSetHeader header = TransactionSetHeader.of(st.elements());
            FunctionalGroupHeader group = envelopes.groupHeader();
            String guide = group == null ? header.implementationReference() : header.guide(group);
            Optional<Schema> schema = schemas.forTransaction(header.id(), guide);
            // set for every transaction set, so one without a schema is not checked against the previous one's
            reader.setTransactionSchema(schema.orElse(null));
            validatedAgainst = schema.isPresent() ? guide : "";
        }

        private void startSegment() {
            segment.start(reader.getText(), delimiters);
            if ("ST".equals(reader.getText())) {
                transactionStart = reader.getLocation().getSegmentPosition();
            }
            if (envelopes.inTransaction() || "ST".equals(reader.getText())) {
                positionInTransaction++;
            }
            if ("HL".equals(reader.getText())) {
                businessUnit = "";
            }
        }

        private void endSegment() {
            X12Segment done = segment.finish(envelopes.inTransaction() ? positionInTransaction : 0, currentLoop());
            envelopes.segment(done);
            if ("ST".equals(done.id())) {
                chooseTransactionSchema(done);
            }
            if ("HL".equals(done.id())) {
                // a 2000D dependent without a TRN of its own is traced by its subscriber's (HL02 parent)
                currentLevel = done.element(1);
                businessUnit = levelTraces.getOrDefault(done.element(2), "");
            } else if ("TRN".equals(done.id()) && !done.element(2).isEmpty()) {
                businessUnit = "TRN02:" + done.element(2);
                levelTraces.put(currentLevel, businessUnit);
            } else if ("CLM".equals(done.id()) && !done.element(1).isEmpty()) {
                businessUnit = "CLM01:" + done.element(1);
            }
            handler.segment(done);
        }

        private void error(EDIStreamEvent event) {
            EDIStreamValidationError type = reader.getErrorType();
            Location location = reader.getLocation();
            String tag = location.getSegmentTag() == null ? "" : location.getSegmentTag();
            if (event == EDIStreamEvent.SEGMENT_ERROR) {
                segmentError(type, tag);
                return;
            }
            String text = reader.hasText() ? reader.getText() : "";
            int element = location.getElementPosition();
            if (type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH
                    || type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
                envelopes.controlError(tag, type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT);
                return;
            }
            ElementSyntaxError code = ElementSyntaxError.of(type);
            if (envelopes.inTransaction() && !"SE".equals(tag) || "ST".equals(tag) || "SE".equals(tag) && envelopes.inTransaction()) {
                String reference = reader.getReferenceCode();
                ElementError error = new ElementError(element, Math.max(location.getComponentPosition(), 0),
                        Math.max(location.getElementOccurrence(), 1), reference != null && reference.matches("\\d+") ? reference : "",
                        code, code.missing() ? "" : text);
                envelopes.elementError(tag, positionOf(location), currentLoop(), error, businessUnit);
            } else {
                envelopes.envelopeElementError(tag, element, code);
            }
        }

        private void segmentError(EDIStreamValidationError type, String tag) {
            SegmentSyntaxError code = SegmentSyntaxError.of(type);
            String segmentId = tag;
            String loop = currentLoop();
            EDIReference missing = reader.getSchemaTypeReference();
            boolean missingKind = type == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING
                    || type == EDIStreamValidationError.IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES
                    || type == EDIStreamValidationError.IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE
                    || type == EDIStreamValidationError.CONDITIONAL_REQUIRED_SEGMENT_MISSING;
            if (missingKind && missing != null) {
                if (missing.getReferencedType() instanceof EDILoopType loopType) {
                    loop = reader.getReferenceCode();
                    segmentId = loopType.getReferences().get(0).getReferencedType().getId();
                } else {
                    segmentId = missing.getReferencedType().getId();
                }
            }
            envelopes.segmentError(new SegmentError(segmentId, positionOf(reader.getLocation()), loop, code, List.of(), businessUnit));
        }

        /** IK302: the position in the transaction set (ST = 1) of the segment where StAEDI found the error. */
        private int positionOf(Location location) {
            return envelopes.inTransaction() ? location.getSegmentPosition() - transactionStart + 1 : 0;
        }

        private String currentLoop() {
            String loop = loops.isEmpty() ? "" : loops.peek();
            // standard-structure loops (no implementation schema) are named L2000...; the guide's are 2000A...
            return loop == null || loop.startsWith("L") || loop.equals("TRANSACTION") || loop.equals("GROUP") ? "" : loop;
        }
    }

    /** The element values of the segment being read, composites and repetitions joined as sent. */
    private static final class SegmentBuffer {
        private final List<StringBuilder> elements = new ArrayList<>();
        private String id = "";
        private X12Delimiters delimiters = X12Delimiters.standard();
        private int lastElement;
        private int lastOccurrence;

        void start(String segmentId, X12Delimiters current) {
            id = segmentId;
            delimiters = current;
            elements.clear();
            lastElement = 0;
            lastOccurrence = 0;
        }

        void element(Location location, String text) {
            int position = location.getElementPosition();
            int occurrence = Math.max(location.getElementOccurrence(), 1);
            int component = location.getComponentPosition();
            while (elements.size() <= position) {
                elements.add(new StringBuilder());
            }
            StringBuilder value = elements.get(position);
            if (position == lastElement && occurrence > lastOccurrence) {
                value.append(delimiters.repetition());
            } else if (position == lastElement && component > 1) {
                value.append(delimiters.component());
            }
            value.append(text);
            lastElement = position;
            lastOccurrence = occurrence;
        }

        X12Segment finish(int position, String loop) {
            List<String> values = new ArrayList<>();
            values.add(id);
            for (int i = 1; i < elements.size(); i++) {
                values.add(elements.get(i).toString());
            }
            return new X12Segment(id, position, loop == null ? "" : loop, List.copyOf(values), delimiters);
        }
    }
}
