package org.medrelay.processors.priorauth.pas;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.medrelay.processors.priorauth.PriorAuthDecision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the Da Vinci PAS request Bundle (PAS STU2, profile PASRequestBundle) for one prior-auth case: a collection
 * Bundle whose first entry is the Claim (use = preauthorization; the item is the service ordered; the diagnoses
 * are the order's reasons; supportingInfo references the chart facts read from the EHR), followed by the order,
 * Patient, Coverage, Practitioner, the payer's Organization and every fact referenced. Nothing clinical is written
 * by MedRelay: where the payer asks for documentation, a supportingInfo entry holds {@link #NARRATIVE_MARK} for
 * the clinician, and {@link #hasUnwrittenNarrative} keeps a draft with the mark from being submitted.
 */
public final class PasRequestBuilder {

    public static final String PAS_REQUEST_BUNDLE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-request-bundle";
    public static final String PAS_CLAIM = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim";
    public static final String REQUESTED_SERVICE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-requestedService";
    public static final String CASE_IDENTIFIER_SYSTEM = "urn:medrelay:prior-auth-case";
    /** Where the clinician writes the medical-necessity narrative; the request is not sent while this is there. */
    public static final String NARRATIVE_MARK = "[CLINICIAN NARRATIVE REQUIRED]";
    private static final String INFO_CATEGORY = "http://terminology.hl7.org/CodeSystem/claiminformationcategory";

    /**
     * @param caseId  the prior-auth case, for the Claim's identifier (the payer echoes it in $inquire)
     * @param created the Claim's creation date
     */
    public Bundle build(Bundle orders, PriorAuthDecision decision, ChartFacts facts, boolean expedited, String caseId,
                        LocalDate created) {
        OrderBundle source = new OrderBundle(orders);
        DomainResource order = source.order(decision.order());
        Patient patient = subject(order).flatMap(r -> source.resolve(r, Patient.class))
                .orElseThrow(() -> new IllegalArgumentException("order " + decision.order() + " names no Patient in the bundle"));
        Coverage coverage = source.coverage(order)
                .orElseThrow(() -> new IllegalArgumentException("order " + decision.order() + " has no Coverage in the bundle"));
        Map<String, Resource> entries = new LinkedHashMap<>();
        entries.put(source.fullUrl(order), order);
        entries.put(source.fullUrl(patient), patient);
        entries.put(source.fullUrl(coverage), coverage);
        String practitioner = practitioner(order, source, entries);
        String insurer = insurer(coverage, source, entries);

        Claim claim = new Claim();
        claim.getMeta().addProfile(PAS_CLAIM);
        claim.addIdentifier(new Identifier().setSystem(CASE_IDENTIFIER_SYSTEM).setValue(caseId));
        claim.setStatus(Claim.ClaimStatus.ACTIVE)
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional")))
                .setUse(Claim.Use.PREAUTHORIZATION)
                .setPatient(new Reference(source.fullUrl(patient)))
                .setCreated(java.sql.Date.valueOf(created))
                .setInsurer(new Reference(insurer))
                .setProvider(new Reference(practitioner))
                // processpriority: stat asks for the expedited (72-hour) decision
                .setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority",
                        expedited ? "stat" : "normal", null)));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(source.fullUrl(coverage)));
        diagnoses(order, source, claim, entries);
        item(order, decision, source, claim);
        supportingInfo(facts, decision, claim, entries);

        Bundle pas = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(new Date());
        pas.getMeta().addProfile(PAS_REQUEST_BUNDLE);
        pas.setIdentifier(new Identifier().setSystem(CASE_IDENTIFIER_SYSTEM).setValue(caseId));
        pas.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(("claim|" + caseId).getBytes())).setResource(claim);
        entries.forEach((url, resource) -> pas.addEntry().setFullUrl(url).setResource(resource));
        return pas;
    }

    /** True while the clinician has not replaced the narrative mark: such a draft is never submitted. */
    public static boolean hasUnwrittenNarrative(Bundle pas) {
        return pas.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Claim.class::isInstance)
                .map(Claim.class::cast).flatMap(c -> c.getSupportingInfo().stream())
                .anyMatch(s -> s.hasValueStringType() && s.getValueStringType().getValue().contains(NARRATIVE_MARK));
    }

    private static Optional<Reference> subject(DomainResource order) {
        return Optional.ofNullable(order instanceof ServiceRequest s ? s.getSubject()
                : order instanceof MedicationRequest m ? m.getSubject() : order instanceof DeviceRequest d ? d.getSubject() : null);
    }

    private static Reference requester(DomainResource order) {
        return order instanceof ServiceRequest s ? s.getRequester()
                : order instanceof MedicationRequest m ? m.getRequester() : order instanceof DeviceRequest d ? d.getRequester() : new Reference();
    }

    /** The ordering practitioner, from the bundle, or from the order's reference (its identifier, e.g. the NPI). */
    private static String practitioner(DomainResource order, OrderBundle source, Map<String, Resource> entries) {
        Reference requester = requester(order);
        Optional<Practitioner> inBundle = source.resolve(requester, Practitioner.class);
        if (inBundle.isPresent()) {
            String url = source.fullUrl(inBundle.get());
            entries.put(url, inBundle.get());
            return url;
        }
        if (!requester.hasIdentifier()) {
            throw new IllegalArgumentException("the order names no requesting Practitioner: the payer needs the provider");
        }
        Practitioner practitioner = new Practitioner().addIdentifier(requester.getIdentifier().copy());
        String url = "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(("practitioner|" + requester.getIdentifier().getValue()).getBytes());
        entries.put(url, practitioner);
        return url;
    }

    /** The payer's Organization, from the bundle or from the Coverage's payor identifier (the payer id). */
    private static String insurer(Coverage coverage, OrderBundle source, Map<String, Resource> entries) {
        for (Reference payor : coverage.getPayor()) {
            Optional<Organization> inBundle = source.resolve(payor, Organization.class);
            if (inBundle.isPresent()) {
                String url = source.fullUrl(inBundle.get());
                entries.put(url, inBundle.get());
                return url;
            }
            if (payor.hasIdentifier()) {
                Organization payer = new Organization().addIdentifier(payor.getIdentifier().copy()).setName(payor.getDisplay());
                payer.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer")));
                String url = "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(("payer|" + payor.getIdentifier().getValue()).getBytes());
                entries.put(url, payer);
                return url;
            }
        }
        throw new IllegalArgumentException("the Coverage names no payer (payor identifier or Organization)");
    }

    private static void diagnoses(DomainResource order, OrderBundle source, Claim claim, Map<String, Resource> entries) {
        List<CodeableConcept> codes = order instanceof ServiceRequest s ? s.getReasonCode()
                : order instanceof MedicationRequest m ? m.getReasonCode() : order instanceof DeviceRequest d ? d.getReasonCode() : List.of();
        List<Reference> references = order instanceof ServiceRequest s ? s.getReasonReference()
                : order instanceof MedicationRequest m ? m.getReasonReference() : order instanceof DeviceRequest d ? d.getReasonReference() : List.of();
        int sequence = 1;
        for (CodeableConcept code : codes) {
            claim.addDiagnosis().setSequence(sequence++).setDiagnosis(code.copy());
        }
        for (Reference reference : references) {
            Optional<Condition> condition = source.resolve(reference, Condition.class);
            if (condition.isPresent()) {
                String url = source.fullUrl(condition.get());
                entries.put(url, condition.get());
                claim.addDiagnosis().setSequence(sequence++).setDiagnosis(new Reference(url));
            } else if (reference.hasReference()) {
                claim.addDiagnosis().setSequence(sequence++).setDiagnosis(new Reference(reference.getReference()));
            }
        }
    }

    private static void item(DomainResource order, PriorAuthDecision decision, OrderBundle source, Claim claim) {
        Claim.ItemComponent item = claim.addItem().setSequence(1);
        item.addExtension(REQUESTED_SERVICE, new Reference(source.fullUrl(order)));
        CodeableConcept service = new CodeableConcept();
        serviceCoding(order, decision).ifPresent(service::addCoding);
        item.setProductOrService(service);
        claim.getDiagnosis().forEach(d -> item.addDiagnosisSequence(d.getSequence()));
        if (order instanceof ServiceRequest request) {
            if (request.hasQuantityQuantity()) {
                item.setQuantity(new org.hl7.fhir.r4.model.Quantity(request.getQuantityQuantity().getValue().doubleValue()));
            }
            if (request.hasOccurrenceDateTimeType()) {
                item.setServiced(new DateType(request.getOccurrenceDateTimeType().getValue()));
            } else if (request.hasOccurrencePeriod() && request.getOccurrencePeriod().hasStart()) {
                item.setServiced(request.getOccurrencePeriod().copy());
            }
        }
        if (!item.hasQuantity()) {
            item.setQuantity(new org.hl7.fhir.r4.model.Quantity(1));
        }
    }

    /** The coding the requirements table decided on (CPT, HCPCS, RxNorm...), as the order carries it. */
    private static Optional<Coding> serviceCoding(DomainResource order, PriorAuthDecision decision) {
        CodeableConcept code = order instanceof ServiceRequest s ? s.getCode()
                : order instanceof MedicationRequest m && m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept()
                : order instanceof DeviceRequest d && d.hasCodeCodeableConcept() ? d.getCodeCodeableConcept() : new CodeableConcept();
        return code.getCoding().stream().filter(c -> decision.service().code().equals(c.getCode())).findFirst()
                .map(Coding::copy);
    }

    /**
     * Each chart fact by reference (its entry keeps the EHR's address), then the clinician's narrative mark when the
     * payer's rule asks for documentation.
     */
    private static void supportingInfo(ChartFacts facts, PriorAuthDecision decision, Claim claim, Map<String, Resource> entries) {
        int sequence = 1;
        for (Resource fact : facts.all()) {
            String url = fact.getIdElement().toVersionless().getValue();
            entries.put(url, fact);
            claim.addSupportingInfo().setSequence(sequence++)
                    .setCategory(new CodeableConcept(new Coding(INFO_CATEGORY, "info", "Information")))
                    .setValue(new Reference(url));
        }
        if (!decision.documentation().isEmpty()) {
            List<String> asked = new ArrayList<>(decision.documentation());
            claim.addSupportingInfo().setSequence(sequence)
                    .setCategory(new CodeableConcept(new Coding(INFO_CATEGORY, "info", "Information")).setText("medical necessity narrative"))
                    .setValue(new org.hl7.fhir.r4.model.StringType(NARRATIVE_MARK + " The payer asks for: " + String.join("; ", asked)));
        }
    }
}
