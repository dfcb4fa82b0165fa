package org.medrelay.mappings.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.mappings.hl7v2.SyntheticSamples.bytes;

class MappingOverridesTest {

    @Test
    void aTableInTheOverrideFolderReplacesTheShippedOne(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("table"));
        Files.writeString(folder.resolve("table/administrative-gender.yml"), "codes:\n  F: other\n  M: male\n");

        Patient patient = Bundles.only(new Hl7ToFhirMapper(folder).toBundle(bytes("adt-a04-registration.hl7")),
                Patient.class);

        assertEquals(AdministrativeGender.OTHER, patient.getGender());
    }

    @Test
    void settingsInTheOverrideFolderMapAnAuthorityToASystem(@TempDir Path folder) throws Exception {
        String settings = Files.readString(Path.of(getClass().getClassLoader().getResource("hl7/settings.yml").toURI()))
                .replace("authorities:\n", "authorities:\n  MRH: https://mrh.example.org/fhir/mrn\n");
        Files.writeString(folder.resolve("settings.yml"), settings);

        Bundle bundle = new Hl7ToFhirMapper(folder).toBundle(bytes("adt-a04-registration.hl7"));

        assertEquals("PUT Patient?identifier=https://mrh.example.org/fhir/mrn|MRN100001",
                Bundles.requestUrls(bundle).get(0));
    }

    @Test
    void aNewMessageFileInTheOverrideFolderMapsATypeTheDefaultsDoNot(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("message"));
        Files.writeString(folder.resolve("message/VXU.yml"),
                "messageType: VXU\nevents: [V04]\nresources:\n  - resource: Patient\n    segment: PID\n");

        Bundle bundle = new Hl7ToFhirMapper(folder)
                .toBundle("MSH|^~\\&|A|B|C|D|20261101||VXU^V04|1|P|2.5\rPID|1||MRN9^^^MRH^MR\r");

        assertEquals("PUT Patient?identifier=urn:medrelay:hl7:id:MRH|MRN9", Bundles.requestUrls(bundle).get(0));
    }

    @Test
    void aMistakeInAMappingFileNamesTheFileAndTheElement(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("resource"));
        Files.writeString(folder.resolve("resource/Patient.yml"), "resourceType: Patient\nbirthdate: { from: PID-7 }\n");

        MappingDefinitionException e = assertThrows(MappingDefinitionException.class,
                () -> new Hl7ToFhirMapper(folder).toBundle(bytes("adt-a04-registration.hl7")));

        assertTrue(e.getMessage().contains("resource/Patient.yml"), e.getMessage());
        assertTrue(e.getMessage().contains("birthdate"), e.getMessage());
    }
}
