package org.medrelay.mappings.x12.claims;

import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.remittance.Party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link ClaimOnFile} from one claim's segments in file order (header names, billing provider,
 * subscriber and patient levels, then the claim): what {@link ClaimReader} collects while streaming, and what the
 * store reads back. The NM1, DMG and REF a segment belongs to are told apart by where they stand: before CLM they
 * name the parties of the hierarchy; after it, 2310/2320/2330 name other providers and payers, which are kept
 * in the segments but not read into fields.
 */
public final class ClaimAssembler {

    /** HI01-1 qualifiers of diagnosis codes: principal, other, admitting, reason for visit, external cause (ICD-10 and ICD-9). */
    private static final Set<String> DIAGNOSIS = Set.of("ABK", "ABF", "ABJ", "APR", "ABN", "BK", "BF", "BJ", "PR", "BN");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private ClaimAssembler() {
    }

    public static ClaimOnFile assemble(String guide, List<X12Segment> segments) {
        State state = new State();
        segments.forEach(state::segment);
        state.endLine();
        return new ClaimOnFile(guide, state.controlNumber, state.totalCharge, state.placeOfService, state.facilityQualifier,
                state.frequencyCode, state.submitter, state.receiver, state.billingProvider, state.payer, state.subscriber,
                state.patient, state.relationship, state.diagnoses, state.lines, state.payerClaimControlNumber,
                state.created, state.statementFrom, segments);
    }

    /** The fields as the segments are read; {@code person} is whose DMG comes next. */
    private static final class State {
        private String controlNumber = "";
        private BigDecimal totalCharge = BigDecimal.ZERO;
        private String placeOfService = "";
        private String facilityQualifier = "";
        private String frequencyCode = "";
        private Party submitter = Party.NONE;
        private Party receiver = Party.NONE;
        private Party billingProvider = Party.NONE;
        private Party payer = Party.NONE;
        private ClaimPerson subscriber = ClaimPerson.NONE;
        private ClaimPerson patient = ClaimPerson.NONE;
        private String relationship = "";
        private final List<Diagnosis> diagnoses = new ArrayList<>();
        private final List<ServiceLine> lines = new ArrayList<>();
        private Optional<String> payerClaimControlNumber = Optional.empty();
        private Optional<LocalDate> created = Optional.empty();
        private Optional<LocalDate> statementFrom = Optional.empty();
        private boolean inClaim;
        /** After CLM, once a 2310/2320 loop or the first line starts: REF*F8 there is another payer's. */
        private boolean pastClaimHeader;
        private String person = "";
        private LineBuilder line;

        void segment(X12Segment segment) {
            switch (segment.id()) {
                case "BHT" -> created = ClaimAssembler.date(segment.element(4));
                case "NM1" -> name(segment);
                case "DMG" -> demographics(segment);
                case "SBR" -> subscriberInformation(segment);
                case "PAT" -> {
                    if (!inClaim && !segment.element(1).isEmpty()) {
                        relationship = segment.element(1);
                    }
                }
                case "CLM" -> claim(segment);
                case "REF" -> {
                    if (inClaim && !pastClaimHeader && "F8".equals(segment.element(1))) {
                        payerClaimControlNumber = Optional.of(segment.element(2));
                    }
                }
                case "HI" -> diagnoses(segment);
                case "DTP" -> serviceDates(segment);
                case "LX" -> {
                    endLine();
                    pastClaimHeader = true;
                    line = new LineBuilder(segment.element(1));
                }
                case "SV1" -> {
                    if (line != null) {
                        line.professional(segment);
                    }
                }
                case "SV2" -> {
                    if (line != null) {
                        line.institutional(segment);
                    }
                }
                default -> {
                    // N3, N4, PER, PRV, CAS, AMT... stay in the segments
                }
            }
        }

        private void name(X12Segment nm1) {
            if (inClaim) {
                pastClaimHeader = true;
                return;
            }
            Party party = new Party(nm1.element(3), nm1.element(4), nm1.element(8), nm1.element(9));
            person = nm1.element(1);
            switch (nm1.element(1)) {
                case "41" -> submitter = party;
                case "40" -> receiver = party;
                case "85" -> billingProvider = party;
                case "PR" -> payer = party;
                case "IL" -> subscriber = person(nm1);
                case "QC" -> patient = person(nm1);
                default -> {
                    // 87 pay-to address, PE pay-to plan
                }
            }
        }

        private static ClaimPerson person(X12Segment nm1) {
            return new ClaimPerson(nm1.element(3), nm1.element(4), nm1.element(5), nm1.element(8), nm1.element(9), Optional.empty(), "");
        }

        private void demographics(X12Segment dmg) {
            if (inClaim) {
                return;
            }
            if ("IL".equals(person)) {
                subscriber = subscriber.withDemographics(ClaimAssembler.date(dmg.element(2)), dmg.element(3));
            } else if ("QC".equals(person)) {
                patient = patient.withDemographics(ClaimAssembler.date(dmg.element(2)), dmg.element(3));
            }
        }

        private void subscriberInformation(X12Segment sbr) {
            if (inClaim) {
                pastClaimHeader = true; // 2320 other subscriber
            } else if ("18".equals(sbr.element(2))) {
                relationship = "18";
            }
        }

        private void claim(X12Segment clm) {
            inClaim = true;
            controlNumber = clm.element(1);
            totalCharge = decimal(clm.element(2)).orElse(BigDecimal.ZERO);
            List<String> location = clm.components(5);
            placeOfService = location.isEmpty() ? "" : location.get(0);
            facilityQualifier = location.size() > 1 ? location.get(1) : "";
            frequencyCode = location.size() > 2 ? location.get(2) : "";
        }

        private void diagnoses(X12Segment hi) {
            for (int i = 1; i < hi.elements().size(); i++) {
                List<String> code = hi.components(i);
                if (code.size() > 1 && DIAGNOSIS.contains(code.get(0))) {
                    diagnoses.add(new Diagnosis(code.get(0), code.get(1)));
                }
            }
        }

        private void serviceDates(X12Segment dtp) {
            Optional<LocalDate> first = ClaimAssembler.date(dtp.element(3).split("-")[0]);
            if ("434".equals(dtp.element(1)) && !pastClaimHeader) {
                statementFrom = first;
            } else if ("472".equals(dtp.element(1)) && line != null) {
                line.serviceDate = first;
            }
        }

        void endLine() {
            if (line != null) {
                lines.add(line.build());
                line = null;
            }
        }
    }

    /** One 2400 loop while it is read. */
    private static final class LineBuilder {
        private final int number;
        private String revenueCode = "";
        private List<String> procedure = List.of();
        private BigDecimal charge = BigDecimal.ZERO;
        private String unitBasis = "";
        private Optional<BigDecimal> units = Optional.empty();
        private Optional<LocalDate> serviceDate = Optional.empty();

        LineBuilder(String lx01) {
            int parsed;
            try {
                parsed = Integer.parseInt(lx01);
            } catch (NumberFormatException e) {
                parsed = 0;
            }
            number = parsed;
        }

        /** SV1: SV101 procedure composite, SV102 charge, SV103 unit basis, SV104 quantity. */
        void professional(X12Segment sv1) {
            procedure = sv1.components(1);
            charge = decimal(sv1.element(2)).orElse(BigDecimal.ZERO);
            unitBasis = sv1.element(3);
            units = decimal(sv1.element(4));
        }

        /** SV2: SV201 revenue code, SV202 procedure composite, SV203 charge, SV204 unit basis, SV205 quantity. */
        void institutional(X12Segment sv2) {
            revenueCode = sv2.element(1);
            procedure = sv2.components(2);
            charge = decimal(sv2.element(3)).orElse(BigDecimal.ZERO);
            unitBasis = sv2.element(4);
            units = decimal(sv2.element(5));
        }

        ServiceLine build() {
            String qualifier = procedure.isEmpty() ? "" : procedure.get(0);
            String code = procedure.size() > 1 ? procedure.get(1) : "";
            List<String> modifiers = procedure.size() > 2
                    ? procedure.subList(2, Math.min(procedure.size(), 6)).stream().filter(m -> !m.isEmpty()).toList()
                    : List.of();
            return new ServiceLine(number, revenueCode, qualifier, code, modifiers, charge, unitBasis, units, serviceDate);
        }
    }

    static Optional<BigDecimal> decimal(String value) {
        try {
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String value) {
        if (value == null || value.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, CCYYMMDD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
