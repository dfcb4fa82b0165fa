package org.medrelay.mappings.privacy;

import org.junit.jupiter.api.Test;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patient key: stable for one patient and deployment, unguessable without the deployment's secret. */
class PatientKeysTest {

    private static final PatientKeys DEPLOYMENT = new PatientKeys(secret(7));

    private static final String ADT = "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^A04^ADT_A01|%s|P|2.5\r"
            + "EVN|A04|20261103083000\r"
            + "PID|1||MRN100001^^^MRH&1.2.3&ISO^MR~SSN-1^^^SSA^SS||Doe^Alma||19710214|F\r";

    private static byte[] secret(int fill) {
        byte[] secret = new byte[PatientKeys.MIN_SECRET_BYTES];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    private static Hl7MessageHeader message(String controlId) {
        return Hl7MessageHeader.scan(ADT.formatted(controlId));
    }

    @Test
    void oneSecretGivesOnePatientOneKeyAcrossMessages() {
        String first = message("C1").patientGroup(DEPLOYMENT);
        String second = message("C2").patientGroup(new PatientKeys(secret(7)));

        assertEquals(first, second, "the JMS group, and so the order, of one patient's messages");
        assertEquals(DEPLOYMENT.keyOf("MRH:MRN100001"), first, "PID-3: CX-4.1 authority and CX-1 of the first repetition");
        assertEquals(first, DEPLOYMENT.keyOf(Hl7MessageHeader.patientIdentifier("MRH", "MRN100001")));
    }

    @Test
    void anotherDeploymentsSecretGivesAnotherKey() {
        assertNotEquals(message("C1").patientGroup(DEPLOYMENT), message("C1").patientGroup(new PatientKeys(secret(8))));
    }

    @Test
    void anotherPatientGetsAnotherKey() {
        assertNotEquals(DEPLOYMENT.keyOf("MRH:MRN100001"), DEPLOYMENT.keyOf("MRH:MRN100002"));
        assertNotEquals(DEPLOYMENT.keyOf("MRH:MRN100001"), DEPLOYMENT.keyOf("OTHER:MRN100001"));
    }

    @Test
    void theKeyIsNoLongerThePlainHashOfTheMrnThatAnyoneCouldRecompute() throws Exception {
        byte[] plain = MessageDigest.getInstance("SHA-256").digest("MRH:MRN100001".getBytes(StandardCharsets.UTF_8));

        assertNotEquals(HexFormat.of().formatHex(plain, 0, 12), message("C1").patientGroup(DEPLOYMENT));
    }

    @Test
    void theKeyIs24LowerCaseHexDigitsAsTheAuditTrailStoresThem() {
        assertTrue(DEPLOYMENT.keyOf("MRH:MRN100001").matches("[0-9a-f]{24}"));
    }

    @Test
    void aMessageWithoutPid3IsGroupedByItsOwnMessageKey() {
        Hl7MessageHeader noPatient = Hl7MessageHeader.scan(
                "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103||ADT^A04|C9|P|2.5\rEVN|A04|20261103\r");

        assertEquals(DEPLOYMENT.keyOf("REGADT|MRH_CLINIC|C9"), noPatient.patientGroup(DEPLOYMENT));
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PatientKeys(new byte[31]));
    }
}
