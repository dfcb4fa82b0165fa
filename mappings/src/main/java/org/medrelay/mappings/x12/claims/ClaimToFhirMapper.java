package org.medrelay.mappings.x12.claims;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.medrelay.mappings.x12.remittance.Party;

import java.math.BigDecimal;

/**
 * One claim of an 837 as a FHIR R4 Claim (use claim): status active, type professional or institutional,
 * the patient control number (CLM01) as identifier in the same system the 835's ExplanationOfBenefit.claim uses,
 * the patient by the subscriber's member id, provider the billing provider (NPI), insurer the payer (2010BB),
 * created the BHT04 date, one insurance (the payer, focal), the HI diagnosis codes in order (ICD-10-CM for the
 * AB qualifiers, ICD-9-CM for BK/BF...), one item per service
 * line (procedure and modifiers, revenue code, service date, quantity, charge), total CLM02, and REF*F8 as the
 * prior claim this one replaces.
 */
public final class ClaimToFhirMapper {

    /** The same systems as the 835 mapping, so a Claim and its ExplanationOfBenefit share identifiers. */
    static final String PATIENT_CONTROL_NUMBER = "urn:medrelay:x12:835:patient-control-number";
    static final String PAYER_CLAIM_CONTROL_NUMBER = "urn:medrelay:x12:835:payer-claim-control-number";
    private static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    private static final String PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
    private static final String RELATED_CLAIM = "http://terminology.hl7.org/CodeSystem/related-claim-relationship";
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final String V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String ICD9CM = "http://hl7.org/fhir/sid/icd-9-cm";
    private static final String REVENUE_CODES = "https://www.nubc.org/CodeSystem/RevenueCodes";
    private static final String USD = "USD";

    public Claim map(ClaimOnFile onFile) {
        Claim claim = new Claim();
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setUse(Claim.Use.CLAIM);
        claim.setType(new CodeableConcept(new Coding(CLAIM_TYPE, onFile.institutional() ? "institutional" : "professional", null)));
        claim.addIdentifier(new Identifier().setSystem(PATIENT_CONTROL_NUMBER).setValue(onFile.patientControlNumber()));
        claim.setPatient(member(onFile));
        onFile.created().or(onFile::serviceDate).ifPresent(d -> claim.setCreatedElement(new DateTimeType(d.toString())));
        claim.setProvider(party(onFile.billingProvider()));
        claim.setInsurer(party(onFile.payer()));
        claim.setPriority(new CodeableConcept(new Coding(PRIORITY, "normal", null)));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference()
                .setIdentifier(new Identifier().setValue(onFile.subscriber().memberId()))
                .setDisplay(onFile.payer().name()));
        onFile.payerClaimControlNumber().ifPresent(f8 -> claim.addRelated()
                .setRelationship(new CodeableConcept(new Coding(RELATED_CLAIM, "prior", null)))
                .setReference(new Identifier().setSystem(PAYER_CLAIM_CONTROL_NUMBER).setValue(f8)));
        for (int i = 0; i < onFile.diagnoses().size(); i++) {
            Diagnosis diagnosis = onFile.diagnoses().get(i);
            claim.addDiagnosis().setSequence(i + 1).setDiagnosis(new CodeableConcept(
                    new Coding(diagnosis.icd10() ? ICD10CM : ICD9CM, diagnosis.code(), null)));
        }
        onFile.lines().forEach(line -> claim.addItem(item(line)));
        claim.setTotal(money(onFile.totalCharge()));
        return claim;
    }

    private static Claim.ItemComponent item(ServiceLine line) {
        Claim.ItemComponent item = new Claim.ItemComponent();
        item.setSequence(line.number());
        if (!line.revenueCode().isEmpty()) {
            item.setRevenue(new CodeableConcept(new Coding(REVENUE_CODES, line.revenueCode(), null)));
        }
        item.setProductOrService(line.procedureCode().isEmpty()
                ? new CodeableConcept(new Coding(REVENUE_CODES, line.revenueCode(), null))
                : new CodeableConcept(new Coding(procedureSystem(line.procedureQualifier()), line.procedureCode(), null)));
        line.modifiers().forEach(m -> item.addModifier(new CodeableConcept(new Coding(procedureSystem(line.procedureQualifier()), m, null))));
        line.serviceDate().ifPresent(d -> item.setServiced(new DateType(d.toString())));
        line.units().ifPresent(u -> item.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(u)));
        item.setNet(money(line.charge()));
        return item;
    }

    /** SV101-1 / SV202-1 product/service id qualifiers to code systems, as the 835 mapping does. */
    static String procedureSystem(String qualifier) {
        return switch (qualifier) {
            case "HC" -> "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
            case "N4" -> "http://hl7.org/fhir/sid/ndc";
            default -> "urn:medrelay:x12:product-service-id-qualifier:" + qualifier;
        };
    }

    /** The patient by the subscriber's member id (the id the payer knows), named as on the claim. */
    private static Reference member(ClaimOnFile onFile) {
        ClaimPerson person = onFile.patientOrSubscriber();
        Identifier id = new Identifier().setValue(onFile.subscriber().memberId())
                .setType(new CodeableConcept(new Coding(V2_IDENTIFIER_TYPE, "MB", null)));
        return new Reference().setIdentifier(id).setDisplay(person.lastName() + ", " + person.firstName());
    }

    private static Reference party(Party party) {
        Reference reference = new Reference().setDisplay(party.name());
        if (!party.id().isEmpty()) {
            reference.setIdentifier(new Identifier().setValue(party.id()).setSystem("XX".equals(party.idQualifier()) ? NPI : null));
        }
        return reference;
    }

    private static Money money(BigDecimal amount) {
        return new Money().setValue(amount).setCurrency(USD);
    }
}
