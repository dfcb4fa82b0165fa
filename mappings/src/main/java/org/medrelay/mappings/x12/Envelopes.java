package org.medrelay.mappings.x12;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The interchange, functional group and transaction set being read, and the errors found in them so far.
 * Filled by {@link X12Reader} segment by segment; each summary is handed out when its trailer has been read.
 */
final class Envelopes {

    private final boolean keepAcceptedTransactionSets;
    int interchangesSeen;
    private final Set<String> interchangeControlNumbers = new HashSet<>();

    private X12Delimiters delimiters;
    private InterchangeHeader interchange;
    private final List<InterchangeAcknowledgment> acknowledgments = new ArrayList<>();
    private final List<FunctionalGroup> groups = new ArrayList<>();
    private final List<InterchangeFinding> findings = new ArrayList<>();
    private final Set<String> groupControlNumbers = new HashSet<>();
    private String declaredGroupCount = "";

    private FunctionalGroupHeader group;
    private final List<TransactionSet> transactionSets = new ArrayList<>();
    private final List<FunctionalGroupSyntaxError> groupErrors = new ArrayList<>();
    private final Set<String> transactionControlNumbers = new HashSet<>();
    private String declaredTransactionCount = "";
    private int transactionSetsReceived;

    private TransactionSetHeader transaction;
    private final List<SegmentError> segmentErrors = new ArrayList<>();
    private final List<TransactionSetSyntaxError> transactionErrors = new ArrayList<>();

    /**
     * @param keepAcceptedTransactionSets false to keep only the summaries of transaction sets in error, and not to look
     *                                    for repeated ST02s: memory then stays flat however many sets a group holds
     */
    Envelopes(boolean keepAcceptedTransactionSets) {
        this.keepAcceptedTransactionSets = keepAcceptedTransactionSets;
    }

    void startInterchange(X12Delimiters found, List<InterchangeFinding> inputFindings) {
        interchangesSeen++;
        delimiters = found;
        interchange = null;
        acknowledgments.clear();
        groups.clear();
        findings.clear();
        findings.addAll(inputFindings);
        groupControlNumbers.clear();
        declaredGroupCount = "";
    }

    boolean inTransaction() {
        return transaction != null;
    }

    FunctionalGroupHeader groupHeader() {
        return group;
    }

    void segment(X12Segment segment) {
        switch (segment.id()) {
            case "ISA" -> {
                interchange = InterchangeHeader.of(segment.elements());
                if (!interchangeControlNumbers.add(interchange.controlNumber())) {
                    findings.add(new InterchangeFinding(InterchangeNote.DUPLICATE_CONTROL_NUMBER, "ISA13", true, "earlier in this file"));
                }
            }
            case "TA1" -> {
                if (group == null) {
                    acknowledgments.add(InterchangeAcknowledgment.of(segment.elements()));
                }
            }
            case "GS" -> startGroup(FunctionalGroupHeader.of(segment.elements()));
            case "ST" -> startTransaction(TransactionSetHeader.of(segment.elements()));
            case "GE" -> declaredTransactionCount = segment.element(1);
            case "IEA" -> declaredGroupCount = segment.element(1);
            default -> {
                // content segments are the handler's business
            }
        }
    }

    private void startGroup(FunctionalGroupHeader header) {
        group = header;
        transactionSets.clear();
        groupErrors.clear();
        transactionControlNumbers.clear();
        declaredTransactionCount = "";
        transactionSetsReceived = 0;
        if (!groupControlNumbers.add(header.controlNumber())) {
            groupErrors.add(FunctionalGroupSyntaxError.DUPLICATE_CONTROL_NUMBER);
        }
    }

    private void startTransaction(TransactionSetHeader header) {
        transaction = header;
        segmentErrors.clear();
        transactionErrors.clear();
        if (keepAcceptedTransactionSets && !transactionControlNumbers.add(header.controlNumber())) {
            transactionErrors.add(TransactionSetSyntaxError.DUPLICATE_CONTROL_NUMBER);
        }
    }

    /** SE01/SE02, GE01/GE02 or IEA01/IEA02 do not agree with what was read. */
    void controlError(String trailer, boolean count) {
        switch (trailer) {
            case "SE" -> transactionErrors.add(count ? TransactionSetSyntaxError.SEGMENT_COUNT_MISMATCH
                    : TransactionSetSyntaxError.CONTROL_NUMBER_MISMATCH);
            case "GE" -> groupErrors.add(count ? FunctionalGroupSyntaxError.TRANSACTION_COUNT_MISMATCH
                    : FunctionalGroupSyntaxError.CONTROL_NUMBER_MISMATCH);
            default -> findings.add(count
                    ? new InterchangeFinding(InterchangeNote.INVALID_GROUP_COUNT, "IEA01", true, "")
                    : new InterchangeFinding(InterchangeNote.CONTROL_NUMBER_MISMATCH, "IEA02", true, ""));
        }
    }

    void segmentError(SegmentError error) {
        if (transaction != null) {
            segmentErrors.add(error);
        } else {
            findings.add(new InterchangeFinding(InterchangeNote.INVALID_CONTROL_STRUCTURE, error.segmentId(), true,
                    "IK304 " + error.error().code() + " " + error.error().description()));
        }
    }

    /** An element error inside a transaction set: joins the IK3 of its segment, or opens one with IK304 8. */
    void elementError(String segmentId, int position, String loop, ElementError error, String businessUnit) {
        for (int i = segmentErrors.size() - 1; i >= 0; i--) {
            SegmentError existing = segmentErrors.get(i);
            if (existing.position() == position && existing.segmentId().equals(segmentId)) {
                segmentErrors.set(i, existing.withElementError(error));
                return;
            }
        }
        segmentErrors.add(new SegmentError(segmentId, position, loop, SegmentSyntaxError.DATA_ELEMENT_ERRORS, List.of(error), businessUnit));
    }

    /** An element error in ISA, GS, GE, IEA or TA1: an interchange-level finding for the TA1. */
    void envelopeElementError(String segmentId, int element, ElementSyntaxError error) {
        String location = String.format("%s%02d", segmentId, element);
        InterchangeNote note = switch (segmentId) {
            case "ISA" -> InterchangeNote.forIsaElement(element);
            case "IEA" -> element == 1 ? InterchangeNote.INVALID_GROUP_COUNT : InterchangeNote.INVALID_CONTROL_NUMBER;
            case "GS", "GE", "TA1" -> InterchangeNote.INVALID_CONTENT;
            default -> InterchangeNote.INVALID_CONTROL_STRUCTURE;
        };
        findings.add(new InterchangeFinding(note, location, true, "IK403 " + error.code() + " " + error.description()));
    }

    TransactionSet endTransaction(int segmentCount, String validatedAgainst) {
        TransactionSet done = new TransactionSet(transaction, segmentCount, validatedAgainst, segmentErrors, transactionErrors);
        transactionSetsReceived++;
        if (keepAcceptedTransactionSets || !done.accepted()) {
            transactionSets.add(done);
        }
        transaction = null;
        return done;
    }

    FunctionalGroup endGroup() {
        FunctionalGroup done = new FunctionalGroup(group, transactionSetsReceived, transactionSets, declaredTransactionCount, groupErrors);
        groups.add(done);
        group = null;
        return done;
    }

    Interchange endInterchange() {
        return new Interchange(interchange, delimiters, acknowledgments, groups, declaredGroupCount, findings);
    }
}
