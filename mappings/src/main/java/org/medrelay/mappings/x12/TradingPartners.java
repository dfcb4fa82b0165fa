package org.medrelay.mappings.x12;

/**
 * Who an interchange goes from and to: ISA05/ISA06 and ISA07/ISA08 (qualifier and id, padded to 15 by the
 * writer), GS02 and GS03 application codes, and ISA15 usage (P production, T test). Configured per
 * clearinghouse and per payer.
 */
public record TradingPartners(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                              String applicationSender, String applicationReceiver, char usage) {

    public TradingPartners {
        require(senderQualifier, 2, 2, "ISA05");
        require(senderId, 1, 15, "ISA06");
        require(receiverQualifier, 2, 2, "ISA07");
        require(receiverId, 1, 15, "ISA08");
        require(applicationSender, 2, 15, "GS02");
        require(applicationReceiver, 2, 15, "GS03");
        if (usage != 'P' && usage != 'T') {
            throw new IllegalArgumentException("ISA15 usage must be P or T");
        }
    }

    private static void require(String value, int min, int max, String element) {
        if (value == null || value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(element + " must be " + min + " to " + max + " characters");
        }
    }

    /** The partners of the answer to an interchange received: sender and receiver swapped. */
    static TradingPartners answering(InterchangeHeader isa, FunctionalGroupHeader gs) {
        String appSender = gs == null ? isa.receiverId().strip() : gs.applicationReceiver();
        String appReceiver = gs == null ? isa.senderId().strip() : gs.applicationSender();
        char usage = "T".equals(isa.usage()) ? 'T' : 'P';
        return new TradingPartners(isa.receiverQualifier(), isa.receiverId().strip(), isa.senderQualifier(),
                isa.senderId().strip(), fit(appSender), fit(appReceiver), usage);
    }

    private static String fit(String code) {
        String stripped = code.strip();
        return stripped.length() < 2 ? (stripped + "  ").substring(0, 2) : stripped.length() > 15 ? stripped.substring(0, 15) : stripped;
    }
}
