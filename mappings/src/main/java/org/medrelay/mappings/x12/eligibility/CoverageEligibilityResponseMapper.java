package org.medrelay.mappings.x12.eligibility;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.BenefitComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.InsuranceComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.ItemsComponent;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UnsignedIntType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps an {@link EligibilityResponse} to a FHIR R4 CoverageEligibilityResponse: {@code insurance.inforce} from EB01
 * active (1-5) or inactive (6-8) coverage, {@code insurance.benefitPeriod} from the 2100C/D plan dates, one
 * {@code item} per EB03 service type, network (EB12) and coverage level (EB02) with a {@code benefit} per EB
 * (co-payment, co-insurance, deductible, out of pocket; remaining amounts as an extension and as {@code used}),
 * {@code authorizationRequired} from EB11, and each AAA as an {@code error} coded with its AAA03 reject reason.
 * The patient is referenced by the payer's member id; the engine replaces that with its own patient once the
 * response is matched to its request.
 */
public final class CoverageEligibilityResponseMapper {

    private static final String CURRENCY = "USD";
    private final Clock clock;

    public CoverageEligibilityResponseMapper(Clock clock) {
        this.clock = clock;
    }

    public CoverageEligibilityResponse map(EligibilityResponse response) {
        CoverageEligibilityResponse fhir = new CoverageEligibilityResponse();
        fhir.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
        fhir.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.VALIDATION);
        fhir.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.BENEFITS);
        response.requestTrace().ifPresent(trace -> fhir.addIdentifier(new Identifier().setSystem(EligibilityCodeSystems.TRACE).setValue(trace)));
        fhir.setPatient(memberReference(response));
        fhir.setCreated(toDate(response.created().orElse(LocalDate.now(clock))));
        fhir.setRequest(response.requestTrace()
                .map(trace -> new Reference().setIdentifier(new Identifier().setSystem(EligibilityCodeSystems.TRACE).setValue(trace)))
                .orElse(new Reference().setDisplay("271 without a TRN*2 trace of its request")));
        fhir.setInsurer(new Reference().setIdentifier(new Identifier()
                        .setSystem(EligibilityCodeSystems.PAYER_ID_PREFIX + response.payer().idQualifier()).setValue(response.payer().id()))
                .setDisplay(response.payer().name()));
        fhir.setOutcome(outcome(response));
        fhir.setDisposition(EligibilityDisposition.describe(response));
        if (!response.benefits().isEmpty()) {
            fhir.addInsurance(insurance(response));
        }
        for (RequestValidation rejection : response.rejections()) {
            fhir.addError().setCode(new CodeableConcept(new Coding(EligibilityCodeSystems.REJECT_REASON,
                    rejection.rejectReason(), rejection.describe())).setText(rejection.loop() + " AAA01 " + rejection.validRequest()
                    + " AAA04 " + rejection.followUp()));
        }
        return fhir;
    }

    private static Enumerations.RemittanceOutcome outcome(EligibilityResponse response) {
        if (response.rejections().isEmpty()) {
            return Enumerations.RemittanceOutcome.COMPLETE;
        }
        return response.benefits().isEmpty() ? Enumerations.RemittanceOutcome.ERROR : Enumerations.RemittanceOutcome.PARTIAL;
    }

    private static Reference memberReference(EligibilityResponse response) {
        EligibilityResponse.Member subscriber = response.subscriber();
        Reference patient = new Reference();
        if (!subscriber.id().isEmpty()) {
            patient.setIdentifier(new Identifier().setSystem(EligibilityCodeSystems.MEMBER_ID_PREFIX + response.payer().id())
                    .setValue(subscriber.id()));
        }
        return patient;
    }

    private InsuranceComponent insurance(EligibilityResponse response) {
        InsuranceComponent insurance = new InsuranceComponent();
        Reference coverage = new Reference().setIdentifier(new Identifier()
                .setSystem(EligibilityCodeSystems.MEMBER_ID_PREFIX + response.payer().id()).setValue(response.subscriber().id()));
        response.benefits().stream().filter(BenefitInformation::activeCoverage).map(BenefitInformation::planCoverage)
                .filter(s -> !s.isEmpty()).findFirst().ifPresent(coverage::setDisplay);
        insurance.setCoverage(coverage);
        CoverageStatus.of(response).inforce().ifPresent(insurance::setInforce);
        CoverageStatus.planPeriod(response).ifPresent(plan -> {
            Period period = new Period();
            plan.start().ifPresent(start -> period.setStart(toDate(start)));
            plan.end().ifPresent(end -> period.setEnd(toDate(end)));
            insurance.setBenefitPeriod(period);
        });
        Map<String, ItemsComponent> items = new LinkedHashMap<>();
        // First the benefits (copay, deductible...): one item per service type, network and coverage level.
        for (BenefitInformation benefit : response.benefits()) {
            if (coverageOnly(benefit)) {
                continue;
            }
            for (String serviceType : serviceTypes(benefit)) {
                String key = serviceType + "|" + benefit.inPlanNetwork() + "|" + benefit.coverageLevel();
                addToItem(items.computeIfAbsent(key, k -> newItem(serviceType, benefit)), benefit);
            }
        }
        // Then active/inactive coverage EBs: they say a service type was answered (an item of its own only when
        // no benefit named it) and may carry EB11 authorization required, EB05 and MSG for all its items.
        for (BenefitInformation coverageEb : response.benefits()) {
            if (!coverageOnly(coverageEb)) {
                continue;
            }
            for (String serviceType : serviceTypes(coverageEb)) {
                List<ItemsComponent> named = items.entrySet().stream().filter(e -> e.getKey().startsWith(serviceType + "|"))
                        .map(Map.Entry::getValue).toList();
                if (named.isEmpty()) {
                    String key = serviceType + "|" + coverageEb.inPlanNetwork() + "|" + coverageEb.coverageLevel();
                    named = List.of(items.computeIfAbsent(key, k -> newItem(serviceType, coverageEb)));
                }
                named.forEach(item -> addToItem(item, coverageEb));
            }
        }
        items.values().forEach(insurance::addItem);
        return insurance;
    }

    private static boolean coverageOnly(BenefitInformation benefit) {
        return benefit.activeCoverage() || benefit.inactiveCoverage();
    }

    private static List<String> serviceTypes(BenefitInformation benefit) {
        return benefit.serviceTypes().isEmpty() ? List.of("") : benefit.serviceTypes();
    }

    private static ItemsComponent newItem(String serviceType, BenefitInformation benefit) {
        ItemsComponent item = new ItemsComponent();
        item.setCategory(serviceType.isEmpty()
                ? new CodeableConcept().setText("plan (EB03 not sent)")
                : new CodeableConcept(new Coding(EligibilityCodeSystems.SERVICE_TYPE, serviceType, null)));
        benefit.inNetwork().ifPresent(in -> item.setNetwork(new CodeableConcept(
                new Coding(EligibilityCodeSystems.BENEFIT_NETWORK, in ? "in" : "out", in ? "In Network" : "Out of Network"))));
        switch (benefit.coverageLevel()) {
            case "IND" -> item.setUnit(new CodeableConcept(new Coding(EligibilityCodeSystems.BENEFIT_UNIT, "individual", "Individual")));
            case "FAM" -> item.setUnit(new CodeableConcept(new Coding(EligibilityCodeSystems.BENEFIT_UNIT, "family", "Family")));
            default -> {
                // EMP, ESP, CHD...: no FHIR benefit-unit code; the EB02 stays on the benefit's text
            }
        }
        return item;
    }

    private void addToItem(ItemsComponent item, BenefitInformation benefit) {
        if (!benefit.planCoverage().isEmpty() && !item.hasName()) {
            item.setName(benefit.planCoverage());
        }
        if (!benefit.messages().isEmpty()) {
            String more = String.join("; ", benefit.messages());
            item.setDescription(item.hasDescription() ? item.getDescription() + "; " + more : more);
        }
        if ("Y".equals(benefit.authorizationRequired())) {
            item.setAuthorizationRequired(true);
        } else if ("N".equals(benefit.authorizationRequired()) && !item.hasAuthorizationRequired()) {
            item.setAuthorizationRequired(false);
        }
        if (BenefitCodes.NON_COVERED.equals(benefit.code())) {
            item.setExcluded(true);
        }
        if (benefit.activeCoverage() || benefit.inactiveCoverage()) {
            return; // said by insurance.inforce; the item's presence says the service type was answered
        }
        item.addBenefit(benefit(benefit, item));
    }

    private static BenefitComponent benefit(BenefitInformation eb, ItemsComponent item) {
        BenefitComponent benefit = new BenefitComponent();
        CodeableConcept type = new CodeableConcept(new Coding(EligibilityCodeSystems.BENEFIT_INFORMATION, eb.code(),
                BenefitCodes.describe(eb.code())));
        fhirBenefitType(eb.code()).ifPresent(code -> type.addCoding(new Coding(EligibilityCodeSystems.BENEFIT_TYPE, code, null)));
        type.setText(BenefitCodes.describe(eb.code()) + (eb.timePeriod().isEmpty() ? "" : ", " + BenefitCodes.describeTimePeriod(eb.timePeriod())));
        benefit.setType(type);
        if (!eb.timePeriod().isEmpty()) {
            benefit.addExtension(EligibilityCodeSystems.TIME_PERIOD_EXTENSION, new Coding(EligibilityCodeSystems.TIME_PERIOD,
                    eb.timePeriod(), BenefitCodes.describeTimePeriod(eb.timePeriod())));
        }
        if (eb.remaining() || "33".equals(eb.timePeriod())) {
            eb.amount().ifPresent(left -> {
                benefit.addExtension(EligibilityCodeSystems.REMAINING_EXTENSION, money(left));
                usedOfSibling(item, eb, left);
            });
        } else if (eb.amount().isPresent()) {
            benefit.setAllowed(money(eb.amount().get()));
        } else if (eb.percent().isPresent()) {
            // EB08 0.2 is 20 %: FHIR's copay-percent is an unsigned integer percentage
            benefit.setAllowed(new UnsignedIntType(eb.percent().get().movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact()));
        } else if (eb.quantity().isPresent()) {
            benefit.setAllowed(new UnsignedIntType(eb.quantity().get().setScale(0, RoundingMode.DOWN).intValue()));
        }
        return benefit;
    }

    /** A remaining amount sent after its total (same EB01 in the same item): used = total - remaining. */
    private static void usedOfSibling(ItemsComponent item, BenefitInformation eb, BigDecimal left) {
        for (BenefitComponent sibling : item.getBenefit()) {
            boolean sameKind = sibling.getType().getCoding().stream()
                    .anyMatch(c -> EligibilityCodeSystems.BENEFIT_INFORMATION.equals(c.getSystem()) && eb.code().equals(c.getCode()));
            if (sameKind && sibling.hasAllowedMoney() && !sibling.hasUsed()) {
                sibling.setUsed(money(sibling.getAllowedMoney().getValue().subtract(left).max(BigDecimal.ZERO)));
            }
        }
    }

    private static Optional<String> fhirBenefitType(String eb01) {
        return switch (eb01) {
            case BenefitCodes.CO_PAYMENT -> Optional.of("copay");
            case BenefitCodes.CO_INSURANCE -> Optional.of("copay-percent");
            case BenefitCodes.DEDUCTIBLE -> Optional.of("deductible");
            default -> Optional.empty();
        };
    }

    private static Money money(BigDecimal amount) {
        Money money = new Money();
        money.setValue(amount);
        money.setCurrency(CURRENCY);
        return money;
    }

    private static Date toDate(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.of("UTC")).toInstant());
    }
}
