package org.medrelay.mappings.x12;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Writes the X12 005010 envelope segments: ISA (fixed width), GS, GE and IEA. */
public final class InterchangeEnvelope {

    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter GS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private InterchangeEnvelope() {
    }

    /** ISA with ISA11 the repetition separator and ISA12 00501; ISA14 0: MedRelay asks for no TA1. */
    public static void isa(SegmentWriter out, TradingPartners partners, long controlNumber, ZonedDateTime now) {
        X12Delimiters d = out.delimiters();
        out.segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10),
                partners.senderQualifier(), pad(partners.senderId()), partners.receiverQualifier(), pad(partners.receiverId()),
                ISA_DATE.format(now), TIME.format(now), String.valueOf(d.repetition()), "00501",
                String.format("%09d", controlNumber), "0", String.valueOf(partners.usage()), String.valueOf(d.component()));
    }

    /** GS with GS07 X (ASC X12) and the guide in GS08. */
    public static void gs(SegmentWriter out, String functionalId, TradingPartners partners, long controlNumber,
                   ZonedDateTime now, String guide) {
        out.segment("GS", functionalId, partners.applicationSender(), partners.applicationReceiver(),
                GS_DATE.format(now), TIME.format(now), String.valueOf(controlNumber), "X", guide);
    }

    public static void ge(SegmentWriter out, int transactionSets, long controlNumber) {
        out.segment("GE", String.valueOf(transactionSets), String.valueOf(controlNumber));
    }

    public static void iea(SegmentWriter out, int groups, long controlNumber) {
        out.segment("IEA", String.valueOf(groups), String.format("%09d", controlNumber));
    }

    /** ST02 as four digits at least: 0001. */
    public static String transactionControlNumber(long number) {
        return String.format("%04d", number);
    }

    private static String pad(String id) {
        return String.format("%-15s", id);
    }
}
