package org.medrelay.mappings.x12.claims;

import org.medrelay.mappings.x12.ControlNumbers;
import org.medrelay.mappings.x12.InterchangeEnvelope;
import org.medrelay.mappings.x12.SegmentWriter;
import org.medrelay.mappings.x12.TradingPartners;
import org.medrelay.mappings.x12.X12Delimiters;
import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.remittance.Adjustment;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.Party;
import org.medrelay.mappings.x12.remittance.ServiceLinePayment;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the replacement for a denied claim: the claim on file as it was sent (its billing provider, subscriber and
 * patient levels and its 2300/2400 loops), in its own interchange with new control numbers, CLM05-3 claim
 * frequency code 7 (replacement of prior claim), REF*F8 the payer claim control number (CLP07 of the 835) and, where
 * the denial's CARC/RARC asks for a mechanical change ({@link ClaimCorrections}), that change; everything else the
 * denial asks is flagged for the biller with the place to change it. The claim is not sent: it is a draft a person
 * approves.
 */
public final class CorrectedClaimBuilder {

    /** CLM05-3: 7 replacement of prior claim (005010X222A1 and X223A2, code source 235). */
    static final String REPLACEMENT = "7";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final Set<String> BEFORE_CLAIM_REF = Set.of("DTP", "CL1", "PWK", "CN1", "AMT");

    private final ControlNumbers controlNumbers;
    private final Clock clock;
    private final ClaimCorrections corrections;

    public CorrectedClaimBuilder(ControlNumbers controlNumbers, Clock clock) {
        this(controlNumbers, clock, ClaimCorrections.shipped());
    }

    public CorrectedClaimBuilder(ControlNumbers controlNumbers, Clock clock, ClaimCorrections corrections) {
        this.controlNumbers = controlNumbers;
        this.clock = clock;
        this.corrections = corrections;
    }

    /** The replacement, addressed as the original was: ISA06/GS02 the submitter (1000A), ISA08/GS03 the receiver (1000B), production. */
    public CorrectedClaim build(ClaimOnFile claim, ClaimPayment denial) {
        return build(claim, denial, new TradingPartners("ZZ", fit(claim.submitterId()), "ZZ", fit(claim.receiver().id()),
                fit(claim.submitterId()), fit(claim.receiver().id()), 'P'));
    }

    public CorrectedClaim build(ClaimOnFile claim, ClaimPayment denial, TradingPartners partners) {
        if (!claim.patientControlNumber().equals(denial.patientControlNumber())) {
            throw new IllegalArgumentException("the 835 claim answers another claim than the one on file (CLP01 is not CLM01)");
        }
        if (denial.payerClaimControlNumber().isEmpty()) {
            throw new IllegalArgumentException("the 835 claim has no payer claim control number (CLP07) for REF*F8");
        }
        Edits edits = edits(claim, denial);
        ZonedDateTime now = ZonedDateTime.now(clock);
        SegmentWriter out = new SegmentWriter(X12Delimiters.standard());
        long interchange = controlNumbers.next(ControlNumbers.Kind.INTERCHANGE);
        long group = controlNumbers.next(ControlNumbers.Kind.GROUP);
        String transaction = InterchangeEnvelope.transactionControlNumber(controlNumbers.next(ControlNumbers.Kind.TRANSACTION_SET));
        InterchangeEnvelope.isa(out, partners, interchange, now);
        InterchangeEnvelope.gs(out, "HC", partners, group, now, claim.guide());
        out.segment("ST", "837", transaction, claim.guide());
        claimSegments(out, claim, denial.payerClaimControlNumber(), edits, transaction, now);
        out.segment("SE", String.valueOf(out.segmentsForTrailer()), transaction);
        InterchangeEnvelope.ge(out, 1, group);
        InterchangeEnvelope.iea(out, 1, interchange);
        return new CorrectedClaim(claim.patientControlNumber(), denial.payerClaimControlNumber(), out.bytes(),
                edits.changes, edits.flags);
    }

    /** The claim's segments, renumbered into one hierarchy, with frequency 7, REF*F8 and the mechanical edits. */
    private static void claimSegments(SegmentWriter out, ClaimOnFile claim, String payerClaimControlNumber, Edits edits,
                                      String transaction, ZonedDateTime now) {
        List<X12Segment> segments = ClaimSegmentsText.read(ClaimSegmentsText.write(claim.segments()));
        boolean hasPatientLevel = segments.stream().anyMatch(s -> "HL".equals(s.id()) && "23".equals(s.element(3)));
        int refF8At = payerClaimControlNumberPosition(segments);
        boolean inClaim = false;
        for (int i = 0; i < segments.size(); i++) {
            X12Segment segment = segments.get(i);
            if (i == refF8At && !("REF".equals(segment.id()) && "F8".equals(segment.element(1)))) {
                out.segment("REF", "F8", payerClaimControlNumber);
            }
            List<String> elements = new ArrayList<>(segment.elements().subList(1, segment.elements().size()));
            switch (segment.id()) {
                // BHT03 a new reference for the new batch; BHT02 00 original transmission of this batch; BHT06 as
                // the claim was sent (CH chargeable, RP reporting), CH when it had none
                case "BHT" -> elements = List.of("0019", "00", "R" + transaction, DATE.format(now), TIME.format(now),
                        segment.element(6).isEmpty() ? "CH" : segment.element(6));
                case "HL" -> elements = hierarchy(segment.element(3), hasPatientLevel);
                case "NM1" -> {
                    if (!inClaim && "IL".equals(segment.element(1))) {
                        elements = edits.insured(elements);
                    }
                }
                case "CLM" -> {
                    inClaim = true;
                    elements.set(4, frequency(segment.components(5)));
                }
                case "REF" -> {
                    if (i == refF8At && "F8".equals(segment.element(1))) {
                        elements = List.of("F8", payerClaimControlNumber);
                    }
                }
                default -> {
                    // every other segment as it was sent
                }
            }
            out.segment(segment.id(), elements.toArray(String[]::new));
        }
    }

    /**
     * Where 2300 REF*F8 goes: the claim's own REF*F8 when it has one (a correction of a correction), else after CLM
     * and its DTP, CL1, PWK, CN1 and AMT, before the other REFs (one REF position in the guide).
     */
    private static int payerClaimControlNumberPosition(List<X12Segment> segments) {
        int at = 0;
        while (at < segments.size() && !"CLM".equals(segments.get(at).id())) {
            at++;
        }
        int firstAfterHeader = at + 1;
        while (firstAfterHeader < segments.size() && BEFORE_CLAIM_REF.contains(segments.get(firstAfterHeader).id())) {
            firstAfterHeader++;
        }
        for (int i = firstAfterHeader; i < segments.size() && "REF".equals(segments.get(i).id()); i++) {
            if ("F8".equals(segments.get(i).element(1))) {
                return i;
            }
        }
        return firstAfterHeader;
    }

    /** HL01/HL02/HL04 for the one claim: 2000A 1, 2000B 2 under 1, 2000C 3 under 2. */
    private static List<String> hierarchy(String levelCode, boolean hasPatientLevel) {
        return switch (levelCode) {
            case "20" -> List.of("1", "", "20", "1");
            case "22" -> List.of("2", "1", "22", hasPatientLevel ? "1" : "0");
            default -> List.of("3", "2", "23", "0");
        };
    }

    /** CLM05 with its third component, the claim frequency type code, set to 7. */
    private static String frequency(List<String> location) {
        List<String> components = new ArrayList<>(location);
        while (components.size() < 3) {
            components.add("");
        }
        components.set(2, REPLACEMENT);
        return String.join(":", components);
    }

    private Edits edits(ClaimOnFile claim, ClaimPayment denial) {
        Edits edits = new Edits();
        for (Asked asked : asked(denial)) {
            Optional<ClaimCorrection> rule = asked.rarc ? corrections.forRarc(asked.code) : corrections.forCarc(asked.code);
            if (rule.isEmpty()) {
                continue;
            }
            edits.matched = true;
            ClaimCorrection correction = rule.get();
            switch (correction.change()) {
                case CORRECTED_INSURED -> edits.correctInsured(correction, denial.correctedInsured(), claim.subscriber());
                case CORRECTED_PAYER -> edits.flags.add(correction.label() + ": " + correction.instruction()
                        + payerNamed(denial.correctedPayer()) + " Where: " + correction.where() + ".");
                case FLAG -> edits.flags.add(correction.label() + ": " + correction.instruction() + " Where: "
                        + correction.where() + "." + asked.lines);
            }
        }
        if (!edits.matched) {
            List<String> codes = asked(denial).stream().map(a -> (a.rarc ? "RARC " : "CARC ") + a.code).toList();
            edits.flags.add("No correction is known for " + String.join(", ", codes)
                    + ": read the denial against the claim and change what it asks before approving.");
        }
        return edits;
    }

    private static String payerNamed(Party payer) {
        return payer.present() ? " The 835 names " + payer.name() + (payer.id().isEmpty() ? "" : " (" + payer.idQualifier() + " " + payer.id() + ")") + "." : "";
    }

    /** The codes the denial gives, claim level first, each once, with the lines it is on. */
    private static List<Asked> asked(ClaimPayment denial) {
        Set<String> seen = new LinkedHashSet<>();
        List<Asked> asked = new ArrayList<>();
        denial.adjustments().stream().filter(a -> !"PR".equals(a.group())).forEach(a -> add(asked, seen, a.carc(), false, denial));
        denial.remarkCodes().forEach(r -> add(asked, seen, r, true, denial));
        for (ServiceLinePayment line : denial.lines()) {
            line.adjustments().stream().filter(a -> !"PR".equals(a.group())).map(Adjustment::carc).forEach(c -> add(asked, seen, c, false, denial));
            line.remarkCodes().forEach(r -> add(asked, seen, r, true, denial));
        }
        return asked;
    }

    private static void add(List<Asked> asked, Set<String> seen, String code, boolean rarc, ClaimPayment denial) {
        if (seen.add((rarc ? "R" : "C") + code)) {
            List<String> procedures = denial.lines().stream()
                    .filter(l -> rarc ? l.remarkCodes().contains(code) : l.adjustments().stream().anyMatch(a -> a.carc().equals(code)))
                    .map(ServiceLinePayment::procedureCode).toList();
            asked.add(new Asked(code, rarc, procedures.isEmpty() ? "" : " Lines: " + String.join(", ", procedures) + "."));
        }
    }

    private static String fit(String id) {
        String stripped = id.strip();
        return stripped.length() > 15 ? stripped.substring(0, 15) : stripped.isEmpty() ? "UNKNOWN" : stripped;
    }

    private record Asked(String code, boolean rarc, String lines) {
    }

    /** The changes made and the flags raised for one replacement. */
    private static final class Edits {
        private final List<String> changes = new ArrayList<>();
        private final List<String> flags = new ArrayList<>();
        private boolean matched;
        private Party insured = Party.NONE;

        void correctInsured(ClaimCorrection correction, Party corrected, ClaimPerson onFile) {
            if (!corrected.present()) {
                flags.add(correction.label() + ": " + correction.instruction() + " The 835 returned no corrected name or id (NM1*74). Where: "
                        + correction.where() + ".");
                return;
            }
            if (insured.present()) {
                return; // already changed for an earlier code
            }
            insured = corrected;
            List<String> what = new ArrayList<>();
            if (!corrected.name().isEmpty() && !(corrected.name().equals(onFile.lastName()) && corrected.firstName().equals(onFile.firstName()))) {
                what.add("insured name " + onFile.lastName() + ", " + onFile.firstName() + " -> " + corrected.name() + ", " + corrected.firstName());
            }
            if (!corrected.id().isEmpty() && !corrected.id().equals(onFile.memberId())) {
                what.add("member id " + onFile.memberId() + " -> " + corrected.id());
            }
            changes.add(correction.label() + ": 2010BA NM1*IL " + (what.isEmpty() ? "already as the payer has it" : String.join(", ", what))
                    + ", as the payer returned it (NM1*74).");
        }

        /** NM1*IL elements (NM101 on) with the corrected last and first name (middle cleared) and member id. */
        List<String> insured(List<String> elements) {
            if (!insured.present()) {
                return elements;
            }
            List<String> edited = new ArrayList<>(elements);
            while (edited.size() < 9) {
                edited.add("");
            }
            if (!insured.name().isEmpty()) {
                edited.set(2, insured.name());
                edited.set(3, insured.firstName());
                edited.set(4, "");
            }
            if (!insured.id().isEmpty()) {
                edited.set(7, edited.get(7).isEmpty() ? "MI" : edited.get(7));
                edited.set(8, insured.id());
            }
            return edited;
        }
    }
}
