package org.medrelay.processors.remittance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What tells received 835 files apart: their SHA-256, and the ISA06 sender and ISA13 of the first interchange. */
class ReceivedFileTest {

    @TempDir
    Path dir;

    @Test
    void theSenderAndIsa13AreReadFromTheIsaAndTheHashFromEveryByte() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/x12/835/835-denials-every-category.x12")) {
            bytes = in.readAllBytes();
        }
        Path file = Files.write(dir.resolve("835.x12"), bytes);
        ReceivedFile received = ReceivedFile.of(file, "835.x12", "sftp");
        assertEquals("PAYERTEST", received.senderId());
        assertEquals("000000835", received.interchangeControlNumber());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), received.sha256());
        assertEquals(bytes.length, received.byteCount());
    }

    @Test
    void aFileWithoutAnIsaIsStillToldApartByItsHash() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not an 835 at all");
        ReceivedFile received = ReceivedFile.of(file, "notes.txt", "drop-folder");
        assertEquals(ReceivedFile.NO_SENDER, received.senderId());
        assertEquals(received.sha256().substring(0, 9), received.interchangeControlNumber());
    }
}
