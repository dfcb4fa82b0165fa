package org.medrelay.processors.fax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaxClassifierTest {

    private final FaxClassifier classifier = FaxClassifier.shipped(FaxSettings.defaults());

    @Test
    void priorAuthDenialIsRecognisedWithReferenceDecisionAndPatient() {
        FaxClassification result = classifier.classify("""
                Halvorsen Benefit Administrators
                Prior Authorization Department    Phone (312) 555-0142
                Re: Prior authorization request
                Enrollee: Tobias Renkwist      Member ID: HBA771203458      Date of birth: 07/19/1958
                Ordering provider: Dr. Ilse Warrender
                Authorization number: QX-44817-2026
                Request received 10/02/2026. After clinical review the request has been DENIED: conservative
                treatment for six weeks is not documented. You may request a peer-to-peer discussion or appeal
                within 180 days of this notice dated 10/06/2026.
                """);

        assertEquals(FaxType.PRIOR_AUTH_RESPONSE, result.type());
        assertTrue(result.confidence() >= FaxClassifier.RULE_CONFIDENCE, "confidence " + result.confidence());
        assertFalse(result.triage());
        assertTrue(result.reasons().containsAll(List.of("Prior Authorization", "DENIED", "Authorization number")), result.reasons().toString());
        FaxFields fields = result.fields();
        assertEquals("QX-44817-2026", fields.payerReference());
        assertEquals("denied", fields.decision());
        assertEquals("HBA771203458", fields.memberId());
        assertEquals(LocalDate.of(1958, 7, 19), fields.birthDate());
        assertEquals("Dr. Ilse Warrender", fields.provider());
        assertEquals(List.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 6)), fields.dates());
    }

    @Test
    void pharmacyRefillRequestNamesTheMedicationAndPrescriber() {
        FaxClassification result = classifier.classify("""
                Greenleaf Community Pharmacy   Tel (503) 555-0177   Fax (503) 555-0178
                REFILL REQUEST - PLEASE RESPOND
                Patient: Odile Farnsworth     DOB: 11/30/1949
                Drug: Rosuvastatin 20 mg tablet     Qty: 90
                Sig: take one tablet at bedtime
                Prescriber: Dr. Anselm Koury
                Approve ___ Deny ___  Needs appointment ___
                """);

        assertEquals(FaxType.REFILL_REQUEST, result.type());
        assertFalse(result.triage());
        assertEquals("Rosuvastatin 20 mg tablet", result.fields().medication());
        assertEquals("Odile Farnsworth", result.fields().patientName());
        assertEquals("Dr. Anselm Koury", result.fields().provider());
        assertEquals(LocalDate.of(1949, 11, 30), result.fields().birthDate());
    }

    @Test
    void marketingThatMentionsPriorAuthorizationIsNotAPayerDecision() {
        FaxClassification result = classifier.classify("""
                TIRED OF PRIOR AUTHORIZATION DENIALS?
                Our software gets your requests approved faster. Special pricing for medical offices this month.
                Call (800) 555-0119 for a free demo. To opt out of future faxes, call 1-800-555-0100.
                """);

        assertEquals(FaxType.MARKETING, result.type());
        assertFalse(result.triage());
    }

    @Test
    void triageThresholdIsConfigurable() {
        String text = "Please note our office will be closed on Friday for staff training. Thank you.";
        FaxClassification lenient = new FaxClassifier(modelOf(classifier), FaxRules.shipped(), 0.0).classify(text);
        FaxClassification strict = new FaxClassifier(modelOf(classifier), FaxRules.shipped(), 1.0).classify(text);
        assertFalse(lenient.triage());
        assertTrue(strict.triage());
        assertEquals(lenient.type(), strict.type());
        assertEquals(lenient.confidence(), strict.confidence());
    }

    @Test
    void unreadableFaxIsTriagedWithItsReason() {
        FaxClassification result = classifier.classify(new FaxReading(List.of(), Optional.of("the file is empty")));
        assertEquals(FaxType.OTHER, result.type());
        assertEquals(0.0, result.confidence());
        assertTrue(result.triage());
        assertEquals(List.of("unreadable: the file is empty"), result.reasons());
        assertEquals(Map.of(), result.fields().asMap());
    }

    /** Every labelled field of every held-out text PDF, read from the file, as the corpus generator filled it in. */
    @Test
    void keyFieldsOfHeldOutTextPdfsAreExtracted(@TempDir Path folder) throws Exception {
        FaxReader reader = new FaxReader(FaxSettings.defaults());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (FaxCorpus.Fax fax : FaxCorpus.heldOut()) {
            if (fax.needsOcr()) {
                continue;
            }
            FaxClassification result = classifier.classify(reader.read(fax.copyTo(folder)));
            Map<String, Object> fields = result.fields().asMap();
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            expected.put("patientName", fax.patientName());
            expected.put("birthDate", fax.birthDate());
            expected.put("mrn", fax.mrn());
            expected.put("memberId", fax.memberId());
            expected.put("provider", fax.provider());
            expected.put("payerReference", fax.payerReference());
            expected.put("medication", fax.medication());
            expected.put("decision", fax.decision());
            for (Map.Entry<String, String> field : expected.entrySet()) {
                if (field.getValue() != null) {
                    checked++;
                    if (!field.getValue().equals(fields.get(field.getKey()))) {
                        wrong.add(fax.id() + " " + field.getKey() + ": expected " + field.getValue() + ", got " + fields.get(field.getKey()));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 150, "fields checked: " + checked);
    }

    private static opennlp.tools.doccat.DoccatModel modelOf(FaxClassifier ignored) {
        try (var in = FaxClassifier.class.getResourceAsStream(FaxClassifier.SHIPPED_MODEL)) {
            return new opennlp.tools.doccat.DoccatModel(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
