package org.medrelay.sandbox.fhir;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SandboxFhirSettingsTest {

    @Test
    void engineDefaultsServeLoopbackPort8080FromAnH2FileUnderTheDataDirectory() {
        SandboxFhirSettings settings = SandboxFhirSettings.forDataDirectory(Path.of("/srv/medrelay/data"));

        assertEquals("jdbc:h2:file:/srv/medrelay/data/sandbox-fhir/ehr;AUTO_SERVER=TRUE;WRITE_DELAY=0", settings.jdbcUrl());
        assertEquals("127.0.0.1", settings.host());
        assertEquals(8080, settings.port());
        assertEquals("/fhir", settings.contextPath());
        assertEquals(20, settings.defaultPageSize());
        assertEquals(500, settings.maxPageSize());
    }

    @Test
    void malformedSettingsAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> SandboxFhirSettings.of("h2:file:/x", "127.0.0.1", 0, "/fhir"));
        assertThrows(IllegalArgumentException.class, () -> SandboxFhirSettings.of("jdbc:h2:mem:x", "127.0.0.1", 70000, "/fhir"));
        assertThrows(IllegalArgumentException.class, () -> SandboxFhirSettings.of("jdbc:h2:mem:x", "127.0.0.1", 0, "fhir/"));
        assertThrows(IllegalArgumentException.class,
                () -> SandboxFhirSettings.of("jdbc:h2:mem:x", "127.0.0.1", 0, "/fhir").withPageSizes(50, 10));
    }

    @Test
    void toStringLeavesOutTheJdbcUrlWhichMayCarryAPassword() {
        SandboxFhirSettings settings = SandboxFhirSettings.of("jdbc:h2:file:/x;PASSWORD=secret", "127.0.0.1", 0, "/fhir");

        assertFalse(settings.toString().contains("secret"));
    }
}
