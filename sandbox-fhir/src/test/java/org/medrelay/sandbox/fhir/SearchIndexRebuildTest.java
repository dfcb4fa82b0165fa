package org.medrelay.sandbox.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A store written before the string and date index existed (V1 only) gets its rows when the server next starts. */
class SearchIndexRebuildTest {

    @TempDir
    Path dataDirectory;

    @Test
    void patientsStoredBeforeTheNameAndBirthDateIndexAreFoundAfterARestart() throws SQLException {
        SandboxFhirSettings settings = RunningSandbox.settingsFor(dataDirectory);
        String kept;
        String deleted;
        try (SandboxFhirServer before = new SandboxFhirServer(settings)) {
            before.start();
            kept = createPatient(before, "Lindqvist", "1948-09-10");
            deleted = createPatient(before, "Lindqvist", "1948-09-10");
            RunningSandbox.clientOf(before).delete().resourceById("Patient", deleted).execute();
        }
        takeBackToVersionOne(settings.jdbcUrl());

        try (SandboxFhirServer after = new SandboxFhirServer(settings)) {
            after.start();
            Bundle found = RunningSandbox.clientOf(after).search().byUrl("Patient?family=lindq&birthdate=1948-09-10")
                    .returnBundle(Bundle.class).execute();

            assertEquals(List.of(kept), found.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());
        }
    }

    private static String createPatient(SandboxFhirServer server, String family, String birthDate) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven("Agnes");
        patient.setBirthDateElement(new DateType(birthDate));
        return RunningSandbox.clientOf(server).create().resource(patient).execute().getId().getIdPart();
    }

    /** What a sandbox database from before this change holds: V1's tables and history, none of V2's. */
    private static void takeBackToVersionOne(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE fhir_string_index");
            statement.execute("DROP TABLE fhir_date_index");
            statement.execute("DELETE FROM \"sandbox_fhir_schema_history\" WHERE \"version\" = '2'");
        }
    }
}
