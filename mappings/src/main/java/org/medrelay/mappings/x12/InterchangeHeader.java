package org.medrelay.mappings.x12;

import java.util.List;

/** The ISA segment: who sent the interchange to whom, when, its control number, version and usage. */
public record InterchangeHeader(
        String authorizationQualifier, String authorization, String securityQualifier, String security,
        String senderQualifier, String senderId, String receiverQualifier, String receiverId,
        String date, String time, String standardsOrRepetition, String version, String controlNumber,
        String acknowledgmentRequested, String usage, String componentSeparator) {

    static InterchangeHeader of(List<String> isa) {
        return new InterchangeHeader(at(isa, 1), at(isa, 2), at(isa, 3), at(isa, 4), at(isa, 5), at(isa, 6),
                at(isa, 7), at(isa, 8), at(isa, 9), at(isa, 10), at(isa, 11), at(isa, 12), at(isa, 13),
                at(isa, 14), at(isa, 15), at(isa, 16));
    }

    /** ISA14 = 1: the sender asks for a TA1. */
    public boolean wantsInterchangeAcknowledgment() {
        return "1".equals(acknowledgmentRequested);
    }

    static String at(List<String> elements, int position) {
        return position < elements.size() ? elements.get(position) : "";
    }
}
