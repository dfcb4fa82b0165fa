package org.medrelay.mappings.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads each 999 an {@link X12Reader} streams into a {@link FunctionalAcknowledgment}, handed on at its SE. */
public final class FunctionalAcknowledgmentHandler implements X12Handler {

    private final Consumer<FunctionalAcknowledgment> acknowledgments;
    private boolean in999;
    private String functionalId = "";
    private String groupControlNumber = "";
    private String groupCode = "";
    private final List<FunctionalAcknowledgment.TransactionSetResponse> responses = new ArrayList<>();
    private String setId = "";
    private String setControlNumber = "";
    private final List<String> errors = new ArrayList<>();
    private String segmentInError = "";

    public FunctionalAcknowledgmentHandler(Consumer<FunctionalAcknowledgment> acknowledgments) {
        this.acknowledgments = acknowledgments;
    }

    @Override
    public void segment(X12Segment s) {
        if ("ST".equals(s.id())) {
            in999 = "999".equals(s.element(1));
            responses.clear();
            groupCode = "";
            return;
        }
        if (!in999) {
            return;
        }
        switch (s.id()) {
            case "AK1" -> {
                functionalId = s.element(1);
                groupControlNumber = s.element(2);
            }
            case "AK2" -> {
                setId = s.element(1);
                setControlNumber = s.element(2);
                errors.clear();
            }
            case "IK3" -> {
                segmentInError = s.element(1);
                errors.add("IK3 " + s.element(1) + " at " + s.element(2) + (s.element(3).isEmpty() ? "" : " in " + s.element(3)) + ": " + s.element(4));
            }
            case "IK4" -> errors.add("IK4 " + segmentInError + String.format("%02d", parse(s.components(1)))
                    + (s.element(2).isEmpty() ? "" : " (" + s.element(2) + ")") + ": " + s.element(3));
            case "IK5" -> {
                for (int i = 2; i <= 6 && !s.element(i).isEmpty(); i++) {
                    errors.add("IK5 " + s.element(i));
                }
                responses.add(new FunctionalAcknowledgment.TransactionSetResponse(setId, setControlNumber, s.element(1), errors));
            }
            case "AK9" -> groupCode = s.element(1);
            case "SE" -> {
                acknowledgments.accept(new FunctionalAcknowledgment(functionalId, groupControlNumber, responses, groupCode));
                in999 = false;
            }
            default -> {
                // CTX business units are the partner's context; the codes above say what is wrong
            }
        }
    }

    private static int parse(List<String> position) {
        try {
            return position.isEmpty() ? 0 : Integer.parseInt(position.get(0));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
