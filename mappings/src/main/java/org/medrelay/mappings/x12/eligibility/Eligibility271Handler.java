package org.medrelay.mappings.x12.eligibility;

import org.medrelay.mappings.x12.FunctionalGroupHeader;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12Segment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the segments of each 271 an {@link org.medrelay.mappings.x12.X12Reader} streams into
 * {@link EligibilityResponse}s, handed on one by one as each 2000C/2000D ends. The loop is followed by HL03
 * (20 information source, 21 receiver, 22 subscriber, 23 dependent) rather than by the schema's loop names, so a
 * 004010X092 271 read without an implementation schema maps the same way. Other transaction sets are ignored.
 */
public final class Eligibility271Handler implements X12Handler {

    private final Consumer<EligibilityResponse> responses;
    private boolean in271;
    private String controlNumber = "";
    private Optional<LocalDate> created = Optional.empty();
    private EligibilityResponse.Party payer = EligibilityResponse.Party.NONE;
    private EligibilityResponse.Party provider = EligibilityResponse.Party.NONE;
    private final List<RequestValidation> sourceRejections = new ArrayList<>();
    private String level = "";
    private PersonLoop subscriber;
    private PersonLoop current;
    private boolean inRelatedEntity;

    public Eligibility271Handler(Consumer<EligibilityResponse> responses) {
        this.responses = responses;
    }

    @Override
    public void segment(X12Segment segment) {
        if ("ST".equals(segment.id())) {
            startTransaction(segment);
            return;
        }
        if (!in271) {
            return;
        }
        switch (segment.id()) {
            case "BHT" -> created = date(segment.element(4));
            case "HL" -> hierarchicalLevel(segment);
            case "LS" -> inRelatedEntity = true; // 2120C/D benefit related entity: names a provider, not the person
            case "LE" -> inRelatedEntity = false;
            case "SE" -> endTransaction();
            default -> {
                if (!inRelatedEntity) {
                    levelSegment(segment);
                }
            }
        }
    }

    @Override
    public void transactionSetEnded(FunctionalGroupHeader group, TransactionSet transactionSet) {
        in271 = false;
    }

    private void startTransaction(X12Segment st) {
        in271 = "271".equals(st.element(1));
        controlNumber = st.element(2);
        created = Optional.empty();
        payer = EligibilityResponse.Party.NONE;
        provider = EligibilityResponse.Party.NONE;
        sourceRejections.clear();
        level = "";
        subscriber = null;
        current = null;
        inRelatedEntity = false;
    }

    private void hierarchicalLevel(X12Segment hl) {
        level = hl.element(3);
        inRelatedEntity = false;
        if ("22".equals(level)) {
            flush();
            subscriber = new PersonLoop('C', "1".equals(hl.element(4)), null);
            current = subscriber;
        } else if ("23".equals(level)) {
            flush();
            current = new PersonLoop('D', false, subscriber);
        }
    }

    private void levelSegment(X12Segment segment) {
        switch (level) {
            case "20" -> sourceSegment(segment, 'A');
            case "21" -> sourceSegment(segment, 'B');
            case "22", "23" -> {
                if (current != null) {
                    current.segment(segment);
                }
            }
            default -> {
                // before the first HL: nothing the response needs
            }
        }
    }

    /** 2000A/2100A (payer) and 2000B/2100B (provider): their names and any AAA. */
    private void sourceSegment(X12Segment segment, char loopLevel) {
        if ("NM1".equals(segment.id())) {
            EligibilityResponse.Party party = new EligibilityResponse.Party(segment.element(3), segment.element(8), segment.element(9));
            if (loopLevel == 'A') {
                payer = party;
            } else {
                provider = party;
            }
        } else if ("AAA".equals(segment.id())) {
            String loop = (loopLevel == 'A' && payer == EligibilityResponse.Party.NONE ? "2000" : "2100") + loopLevel;
            sourceRejections.add(new RequestValidation(loop, segment.element(1), segment.element(3), segment.element(4)));
        }
    }

    private void endTransaction() {
        flush();
        in271 = false;
    }

    private void flush() {
        if (current != null && current.answers()) {
            responses.accept(current.response());
        }
        current = null;
    }

    static Optional<LocalDate> date(String ccyymmdd) {
        try {
            return ccyymmdd.length() == 8 ? Optional.of(LocalDate.parse(ccyymmdd, DateTimeFormatter.BASIC_ISO_DATE)) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A 2000C or 2000D level being read: its 2100 person and the 2110 benefits after it. */
    private final class PersonLoop {
        private final char loopLevel;
        private final boolean hasDependents;
        private final PersonLoop parent;
        private final List<EligibilityResponse.TraceNumber> traces = new ArrayList<>();
        private final List<EligibilityResponse.Reference> references = new ArrayList<>();
        private final List<EligibilityDate> dates = new ArrayList<>();
        private final List<RequestValidation> rejections = new ArrayList<>();
        private final List<BenefitInformation> benefits = new ArrayList<>();
        private EligibilityResponse.Member person = EligibilityResponse.Member.NONE;

        PersonLoop(char loopLevel, boolean hasDependents, PersonLoop parent) {
            this.loopLevel = loopLevel;
            this.hasDependents = hasDependents;
            this.parent = parent;
        }

        void segment(X12Segment s) {
            boolean benefitLoop = !benefits.isEmpty();
            switch (s.id()) {
                case "TRN" -> traces.add(new EligibilityResponse.TraceNumber(s.element(1), s.element(2), s.element(3), s.element(4)));
                case "NM1" -> person = new EligibilityResponse.Member(s.element(3), s.element(4), s.element(8), s.element(9),
                        Optional.empty(), "");
                case "DMG" -> person = new EligibilityResponse.Member(person.lastName(), person.firstName(), person.idQualifier(),
                        person.id(), "D8".equals(s.element(1)) ? date(s.element(2)) : Optional.empty(), s.element(3));
                case "REF" -> references.add(new EligibilityResponse.Reference(s.element(1), s.element(2), s.element(3)));
                case "AAA" -> rejections.add(new RequestValidation((benefitLoop ? "2110" : "2100") + loopLevel,
                        s.element(1), s.element(3), s.element(4)));
                case "DTP" -> EligibilityDate.of(s.element(1), s.element(2), s.element(3)).ifPresent(d -> {
                    if (benefitLoop) {
                        replaceLastBenefit(last().withDate(d));
                    } else {
                        dates.add(d);
                    }
                });
                case "EB" -> benefits.add(benefit(s));
                case "MSG" -> {
                    if (benefitLoop) {
                        replaceLastBenefit(last().withMessage(s.element(1)));
                    }
                }
                default -> {
                    // N3/N4 address, PER, PRV, INS, HI, HSD, III: not part of the response MedRelay maps
                }
            }
        }

        private BenefitInformation last() {
            return benefits.get(benefits.size() - 1);
        }

        private void replaceLastBenefit(BenefitInformation benefit) {
            benefits.set(benefits.size() - 1, benefit);
        }

        /** A subscriber whose benefits all come with its dependents answers nothing of its own. */
        boolean answers() {
            return loopLevel == 'D' || !hasDependents || !benefits.isEmpty() || !rejections.isEmpty();
        }

        EligibilityResponse response() {
            boolean dependent = loopLevel == 'D' && parent != null;
            List<EligibilityResponse.TraceNumber> allTraces = traces.isEmpty() && dependent ? parent.traces : traces;
            List<RequestValidation> allRejections = new ArrayList<>(sourceRejections);
            allRejections.addAll(rejections);
            List<EligibilityDate> allDates = dates.isEmpty() && dependent ? parent.dates : dates;
            List<EligibilityResponse.Reference> allReferences = new ArrayList<>(references);
            if (dependent) {
                allReferences.addAll(parent.references);
            }
            return new EligibilityResponse(controlNumber, created, payer, provider, allTraces,
                    dependent ? parent.person : person, dependent ? Optional.of(person) : Optional.empty(),
                    allReferences, allDates, allRejections, benefits);
        }
    }

    static BenefitInformation benefit(X12Segment eb) {
        return new BenefitInformation(eb.element(1), eb.element(2), eb.repetitions(3), eb.element(4), eb.element(5),
                eb.element(6), decimal(eb.element(7)), decimal(eb.element(8)), eb.element(9), decimal(eb.element(10)),
                eb.element(11), eb.element(12), eb.components(13), List.of(), List.of());
    }

    private static Optional<java.math.BigDecimal> decimal(String value) {
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
