package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox stands in for an EHR, so what the engine wrote must still be there after a restart. */
class RestartPersistenceTest {

    private static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.3.4711.2.1";

    @TempDir
    Path dataDirectory;

    /** The engine's default URL shape (AUTO_SERVER), under the test's temporary directory. */
    private SandboxFhirSettings engineDefaultsIn(Path directory) {
        return SandboxFhirSettings.forDataDirectory(directory).withPort(0);
    }

    @Test
    void resourcesAndTheirHistorySurviveARestart() {
        IIdType id;
        try (SandboxFhirServer first = new SandboxFhirServer(engineDefaultsIn(dataDirectory))) {
            first.start();
            IGenericClient client = RunningSandbox.clientOf(first);
            Patient patient = new Patient();
            patient.addIdentifier().setSystem(MRN_SYSTEM).setValue("MRN-RESTART-1");
            patient.addName().setFamily("Before");
            id = client.create().resource(patient).execute().getId().toUnqualifiedVersionless();
            patient.setId(id);
            patient.getNameFirstRep().setFamily("After");
            client.update().resource(patient).execute();
        }

        try (SandboxFhirServer second = new SandboxFhirServer(engineDefaultsIn(dataDirectory))) {
            second.start();
            IGenericClient client = RunningSandbox.clientOf(second);

            Patient current = client.read().resource(Patient.class).withId(id).execute();
            assertEquals("After", current.getNameFirstRep().getFamily());
            assertEquals("2", current.getMeta().getVersionId());
            assertEquals("Before", client.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "1").execute().getNameFirstRep().getFamily());
            Bundle found = client.search().byUrl("Patient?identifier=" + MRN_SYSTEM + "|MRN-RESTART-1")
                    .returnBundle(Bundle.class).execute();
            assertEquals(1, found.getTotal());
        }
    }

    @Test
    void stoppedServerReleasesItsPortAndCannotBeRestarted() {
        SandboxFhirServer server = new SandboxFhirServer(RunningSandbox.settingsFor(dataDirectory));
        server.start();
        assertTrue(server.isRunning());

        server.stop();

        assertFalse(server.isRunning());
        assertThrows(IllegalStateException.class, server::getPort);
        assertThrows(IllegalStateException.class, server::start);
        server.stop();
    }
}
