package org.medrelay.mappings.fhir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippedMappingsTest {

    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    @ParameterizedTest(name = "{0}^{1}")
    @CsvSource({"ADT,A01", "SIU,S12", "ORM,O01", "OMG,O19", "ORU,R01", "REF,I12", "OMP,O09", "RDE,O11", "MDM,T02"})
    void everyShippedMessageMappingLoadsAndPassesTheFhirDefinitionCheck(String type, String event) {
        assertTrue(MAPPER.supports(type, event));
    }

    @Test
    void aDatatypeTemplateOfTheWrongFhirTypeIsReportedWhenTheMappingLoads(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("resource"));
        Files.writeString(folder.resolve("resource/Patient.yml"),
                "resourceType: Patient\nname: { from: PID-5, as: XAD }\n");

        MappingDefinitionException e = assertThrows(MappingDefinitionException.class,
                () -> new Hl7ToFhirMapper(folder).supports("ADT", "A01"));

        assertTrue(e.getMessage().contains("name is a HumanName but datatype XAD makes a Address"), e.getMessage());
    }

    @Test
    void aMissingCodeTableIsReportedWhenTheMappingLoads(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("resource"));
        Files.writeString(folder.resolve("resource/Patient.yml"),
                "resourceType: Patient\ngender: { from: PID-8, table: no-such-table }\n");

        MappingDefinitionException e = assertThrows(MappingDefinitionException.class,
                () -> new Hl7ToFhirMapper(folder).supports("ADT", "A01"));

        assertTrue(e.getMessage().contains("table/no-such-table.yml"), e.getMessage());
    }
}
