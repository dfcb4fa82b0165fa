package org.medrelay.mappings.x12.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a 271 (005010X279A1) says about one person asked about: the subscriber of a 2000C, or the dependent of a
 * 2000D with its subscriber. A 2000C whose benefits are all given for its dependents yields no response of its own.
 *
 * @param transactionControlNumber ST02 of the 271
 * @param created                  BHT04, the date the payer answered
 * @param payer                    2100A information source: NM103 name, NM108 qualifier (PI, XV), NM109 id
 * @param provider                 2100B information receiver: NM103 name, NM109 id (NM108 XX: the NPI)
 * @param traces                   2000C/2000D TRN segments: TRN01 2 returns the 270's trace, 1 is the payer's own
 * @param subscriber               2100C
 * @param dependent                2100D, when the response is about a dependent
 * @param references               2100C/2100D REF: 18 plan number, 6P group number, 1L group or policy number...
 * @param dates                    2100C/2100D DTP: 291 plan, 346/347 plan begin/end, 356/357 eligibility begin/end
 * @param rejections               AAA of the payer (2000A/2100A), provider (2100B) and person (2100C/D, 2110C/D) levels
 * @param benefits                 2110C/2110D EB loops in the order sent
 */
public record EligibilityResponse(String transactionControlNumber, Optional<LocalDate> created, Party payer, Party provider,
                                  List<TraceNumber> traces, Member subscriber, Optional<Member> dependent,
                                  List<Reference> references, List<EligibilityDate> dates,
                                  List<RequestValidation> rejections, List<BenefitInformation> benefits) {

    public EligibilityResponse {
        traces = List.copyOf(traces);
        references = List.copyOf(references);
        dates = List.copyOf(dates);
        rejections = List.copyOf(rejections);
        benefits = List.copyOf(benefits);
    }

    /** TRN01 2: the trace number of the 270 this answers (TRN02), which is how a response finds its request. */
    public Optional<String> requestTrace() {
        return traces.stream().filter(t -> "2".equals(t.type())).map(TraceNumber::number).findFirst();
    }

    /** The person the response is about: the dependent when there is one, else the subscriber. */
    public Member patient() {
        return dependent.orElse(subscriber);
    }

    public Optional<String> reference(String qualifier) {
        return references.stream().filter(r -> r.qualifier().equals(qualifier)).map(Reference::value).findFirst();
    }

    /** A 2100 NM1 party: payer or provider. */
    public record Party(String name, String idQualifier, String id) {
        static final Party NONE = new Party("", "", "");
    }

    /** A 2100C or 2100D person: NM103/NM104 name, NM108/NM109 id (MI member id), DMG birth date and gender. */
    public record Member(String lastName, String firstName, String idQualifier, String id, Optional<LocalDate> birthDate,
                         String gender) {
        static final Member NONE = new Member("", "", "", "", Optional.empty(), "");
    }

    /** A TRN: TRN01 trace type, TRN02 number, TRN03 originating company, TRN04 its division. */
    public record TraceNumber(String type, String number, String originator, String division) {
    }

    /** A REF of loop 2100C/2100D: REF01 qualifier and REF02 value (REF03 the plan or group name when given). */
    public record Reference(String qualifier, String value, String description) {
    }
}
