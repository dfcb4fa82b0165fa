package org.medrelay.processors.fax.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FaxSidecarTest {

    @Test
    void theFaxServersValuesAreReadFromTheFileBesideTheFax(@TempDir Path dir) throws Exception {
        Path fax = Files.write(dir.resolve("20261124-0915-4471.tif"), new byte[]{1});
        Files.writeString(dir.resolve("20261124-0915-4471.properties"),
                "# written by the fax server\nsender-fax = +1 555 0100 199\nreceived=2026-11-24T09:15:02-05:00\npages=3\n");

        FaxSidecar sidecar = FaxSidecar.beside(fax);

        assertEquals(Optional.of("+1 555 0100 199"), sidecar.senderFax());
        assertEquals(Optional.of(Instant.parse("2026-11-24T14:15:02Z")), sidecar.received());
        assertEquals(Optional.of(3), sidecar.pages());
        assertEquals("", sidecar.problems());
    }

    @Test
    void noSidecarIsNoValuesAndNeverAReasonToLeaveTheFax(@TempDir Path dir) throws Exception {
        assertEquals(FaxSidecar.NONE, FaxSidecar.beside(Files.write(dir.resolve("fax.pdf"), new byte[]{1})));
    }

    @Test
    void aValueThatDoesNotParseIsLeftOutAndNamed() {
        FaxSidecar sidecar = FaxSidecar.parse("sender-fax=5550100123\nreceived=yesterday\npages=three\n");

        assertEquals(Optional.of("5550100123"), sidecar.senderFax());
        assertEquals(Optional.empty(), sidecar.received());
        assertEquals(Optional.empty(), sidecar.pages());
        assertEquals("received is not an ISO-8601 time with offset; pages is not a number;", sidecar.problems());
    }

    @Test
    void theSidecarHasTheFaxsBaseName() {
        assertEquals("fax-0042.properties", FaxSidecar.nameBeside("fax-0042.tif"));
        assertEquals("fax-0042.properties", FaxSidecar.nameBeside("fax-0042"));
    }
}
