package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;

import java.nio.file.Path;

/** A sandbox server on an ephemeral loopback port over an H2 file in a test's temporary directory. */
final class RunningSandbox {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private RunningSandbox() {
    }

    static SandboxFhirSettings settingsFor(Path directory) {
        return SandboxFhirSettings.of("jdbc:h2:file:" + directory.resolve("ehr").toAbsolutePath(), "127.0.0.1", 0, "/fhir");
    }

    static SandboxFhirServer start(Path directory) {
        SandboxFhirServer server = new SandboxFhirServer(settingsFor(directory));
        server.start();
        return server;
    }

    static IGenericClient clientOf(SandboxFhirServer server) {
        return FHIR.newRestfulGenericClient(server.getBaseUrl());
    }
}
