package org.medrelay.mappings.x12.priorauth;

import org.medrelay.mappings.x12.ControlNumbers;
import org.medrelay.mappings.x12.SegmentWriter;
import org.medrelay.mappings.x12.TradingPartners;
import org.medrelay.mappings.x12.TransactionSetWriter;
import org.medrelay.mappings.x12.X12Delimiters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link PriorAuthRequest} as an ASC X12 005010X217 278 request in its own interchange: ISA/GS*HI/ST,
 * BHT*0007*13, 2000A UMO, 2000B requester, 2000C subscriber, optional 2000D dependent, 2000E patient event
 * (TRN, UM, HI, servicing provider) and one 2000F service level per procedure (UM, DTP*472, SV1).
 */
public final class PriorAuth278Writer {

    static final String GUIDE = "005010X217";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private final TransactionSetWriter envelope;

    public PriorAuth278Writer(ControlNumbers controlNumbers, Clock clock) {
        this.envelope = new TransactionSetWriter(controlNumbers, clock);
    }

    public byte[] write(PriorAuthRequest request, TradingPartners partners, X12Delimiters delimiters) {
        return envelope.write(partners, delimiters, "HI", "278", GUIDE, (out, now) -> body(out, now, request));
    }

    private void body(SegmentWriter out, ZonedDateTime now, PriorAuthRequest request) {
        // BHT01 0007 the 278 hierarchy; BHT02 13 request; BHT03 the submitter's reference: the trace number again
        out.segment("BHT", "0007", "13", request.traceNumber(), DATE.format(now), TIME.format(now));
        PriorAuthRequest.Organization umo = request.umo();
        out.segment("HL", "1", "", "20", "1"); // 2000A UMO
        out.segment("NM1", "X3", "2", umo.name(), "", "", "", "", umo.idQualifier(), umo.id());
        out.segment("HL", "2", "1", "21", "1"); // 2000B requester
        provider(out, "1P", request.requester());
        PriorAuthRequest.Subscriber subscriber = request.subscriber();
        out.segment("HL", "3", "2", "22", "1"); // 2000C subscriber: an event or dependent level always follows
        out.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), "", "", "", "MI", subscriber.memberId());
        demographics(out, subscriber.birthDate(), subscriber.gender());
        int eventParent = 3;
        if (request.dependent().isPresent()) {
            PriorAuthRequest.Dependent patient = request.dependent().get();
            out.segment("HL", "4", "3", "23", "1"); // 2000D dependent
            out.segment("NM1", "QC", "1", patient.lastName(), patient.firstName());
            demographics(out, patient.birthDate(), patient.gender());
            out.segment("INS", "N", patient.relationship());
            eventParent = 4;
        }
        int event = eventParent + 1;
        boolean services = !request.services().isEmpty();
        out.segment("HL", String.valueOf(event), String.valueOf(eventParent), "EV", services ? "1" : "0"); // 2000E
        out.segment("TRN", "1", request.traceNumber(), request.traceOriginator());
        // UM04: place of service code, qualifier B (CMS place of service); UM09 Y: release of information signed
        out.segment("UM", request.requestCategory(), request.certificationType(), request.serviceTypeCode(),
                out.composite(request.placeOfService(), "B"), "", "", "", "", "Y");
        out.segment("HI", diagnoses(out, request.diagnosisCodes()));
        request.servicingProvider().ifPresent(provider -> provider(out, "SJ", provider)); // 2010EA
        int level = event;
        for (PriorAuthRequest.Service service : request.services()) {
            level++;
            out.segment("HL", String.valueOf(level), String.valueOf(event), "SS", "0"); // 2000F
            out.segment("UM", request.requestCategory(), request.certificationType());
            out.segment("DTP", "472", "RD8", DATE.format(service.from()) + "-" + DATE.format(service.to()));
            List<String> procedure = new ArrayList<>(List.of("HC", service.procedureCode()));
            procedure.addAll(service.modifiers());
            out.segment("SV1", out.composite(procedure.toArray(String[]::new)), "", "UN", String.valueOf(service.quantity()));
        }
    }

    /** HI01 ABK principal diagnosis, HI02.. ABF other diagnoses (ICD-10-CM). */
    private static String[] diagnoses(SegmentWriter out, List<String> codes) {
        String[] elements = new String[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            elements[i] = out.composite(i == 0 ? "ABK" : "ABF", codes.get(i));
        }
        return elements;
    }

    private static void provider(SegmentWriter out, String entity, PriorAuthRequest.Provider provider) {
        out.segment("NM1", entity, provider.person() ? "1" : "2", provider.lastOrOrganizationName(),
                provider.person() ? provider.firstName() : "", "", "", "", "XX", provider.npi());
    }

    private static void demographics(SegmentWriter out, LocalDate birthDate, String gender) {
        if (birthDate != null) {
            out.segment("DMG", "D8", DATE.format(birthDate), gender == null ? "" : gender);
        }
    }
}
