package org.medrelay.mappings.x12;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link EligibilityInquiry} as an ASC X12 005010X279A1 270 in its own interchange: ISA/GS*HS/ST,
 * BHT, 2000A payer, 2000B provider, 2000C subscriber, optional 2000D dependent, the TRN trace on the patient's level
 * (2000C when the subscriber is the patient, else 2000D), and the
 * 2110 EQ inquiry with its DTP*291 date of service on the person asked about.
 */
public final class Eligibility270Writer {

    static final String GUIDE = "005010X279A1";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private final TransactionSetWriter envelope;

    public Eligibility270Writer(ControlNumbers controlNumbers, Clock clock) {
        this.envelope = new TransactionSetWriter(controlNumbers, clock);
    }

    public byte[] write(EligibilityInquiry inquiry, TradingPartners partners, X12Delimiters delimiters) {
        return envelope.write(partners, delimiters, "HS", "270", GUIDE, (out, now) -> {
            // BHT02 13 request; BHT03 the submitter's reference: the trace number again
            out.segment("BHT", "0022", "13", inquiry.traceNumber(), DATE.format(now), TIME.format(now));
            levels(out, inquiry);
        });
    }

    private void levels(SegmentWriter out, EligibilityInquiry inquiry) {
        EligibilityInquiry.InformationSource payer = inquiry.payer();
        out.segment("HL", "1", "", "20", "1"); // 2000A information source
        out.segment("NM1", "PR", "2", payer.name(), "", "", "", "", payer.idQualifier(), payer.id());
        EligibilityInquiry.InformationReceiver provider = inquiry.provider();
        out.segment("HL", "2", "1", "21", "1"); // 2000B information receiver
        out.segment("NM1", "1P", provider.person() ? "1" : "2", provider.lastOrOrganizationName(),
                provider.person() ? provider.firstName() : "", "", "", "", "XX", provider.npi());
        boolean dependent = inquiry.dependent().isPresent();
        EligibilityInquiry.Subscriber subscriber = inquiry.subscriber();
        out.segment("HL", "3", "2", "22", dependent ? "1" : "0"); // 2000C subscriber
        if (!dependent) {
            // 005010X279A1 2000C TRN: assigned here only when the subscriber is the patient, else in 2000D
            out.segment("TRN", "1", inquiry.traceNumber(), inquiry.traceOriginator());
        }
        out.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), "", "", "", "MI", subscriber.memberId());
        demographics(out, subscriber.birthDate(), subscriber.gender());
        if (dependent) {
            EligibilityInquiry.Dependent person = inquiry.dependent().get();
            out.segment("HL", "4", "3", "23", "0"); // 2000D dependent: the patient
            out.segment("TRN", "1", inquiry.traceNumber(), inquiry.traceOriginator());
            out.segment("NM1", "03", "1", person.lastName(), person.firstName());
            demographics(out, person.birthDate(), person.gender());
            out.segment("INS", "N", person.relationship());
        }
        // 2110C/2110D: EQ01 repeats the service types; DTP*291 the date of service
        out.segment("EQ", out.repeated(inquiry.serviceTypeCodes()));
        out.segment("DTP", "291", "D8", DATE.format(inquiry.dateOfService()));
    }

    private static void demographics(SegmentWriter out, java.time.LocalDate birthDate, String gender) {
        if (birthDate != null) {
            out.segment("DMG", "D8", DATE.format(birthDate), gender == null ? "" : gender);
        }
    }
}
