package org.medrelay.processors.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadDecryptionException;
import org.medrelay.processors.crypto.PayloadKeyRing;
import org.medrelay.processors.remittance.ReceivedFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The raw copy of an 835: sealed chunk by chunk, read back byte for byte, and any alteration or cut refused. */
class SealedRawCopiesTest {

    @TempDir
    Path dir;

    private final PayloadCipher cipher = PayloadCipher.encrypting(PayloadKeyRing.of("k1", Map.of("k1", PayloadKeyRing.aesKey(key()))));

    @Test
    void aFileOfSeveralChunksIsSealedAndReadBackAsReceived() throws Exception {
        byte[] content = content(2_600_000);
        Path received = Files.write(dir.resolve("835.x12"), content);
        String sha = ReceivedFile.of(received, "835.x12", "sftp").sha256();

        Path copy = new SealedRawCopies(dir.resolve("raw"), cipher, SealedRawCopies.Kind.REMITTANCE).keep(received, sha);

        assertEquals(sha + ".x12.sealed", copy.getFileName().toString());
        assertFalse(new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1).contains("NM1*QC*1*TESTPATIENT"),
                "the copy is sealed, not clear");
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        new SealedRawCopies(dir.resolve("raw"), cipher, SealedRawCopies.Kind.REMITTANCE).open(copy, sha, back);
        assertArrayEquals(content, back.toByteArray());
    }

    @Test
    void anAlteredOrCutCopyIsRefused() throws Exception {
        Path received = Files.write(dir.resolve("835.x12"), content(1_500_000));
        String sha = ReceivedFile.of(received, "835.x12", "sftp").sha256();
        SealedRawCopies copies = new SealedRawCopies(dir.resolve("raw"), cipher, SealedRawCopies.Kind.REMITTANCE);
        Path copy = copies.keep(received, sha);
        byte[] sealed = Files.readAllBytes(copy);

        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;
        Files.write(copy, altered);
        assertThrows(PayloadDecryptionException.class, () -> copies.open(copy, sha, new ByteArrayOutputStream()));

        Files.write(copy, Arrays.copyOf(sealed, sealed.length - 40));
        IOException cut = assertThrows(IOException.class, () -> copies.open(copy, sha, new ByteArrayOutputStream()));
        assertTrue(cut.getMessage().contains("cut short at chunk 2"), cut.getMessage());
    }

    @Test
    void anAlteredChunkLengthIsRefusedWithoutAllocatingIt() throws Exception {
        Path received = Files.write(dir.resolve("835.x12"), content(10_000));
        String sha = ReceivedFile.of(received, "835.x12", "sftp").sha256();
        SealedRawCopies copies = new SealedRawCopies(dir.resolve("raw"), cipher, SealedRawCopies.Kind.REMITTANCE);
        Path copy = copies.keep(received, sha);
        byte[] sealed = Files.readAllBytes(copy);
        sealed[0] = 0x7f; // the first chunk now claims to be 2 GB long
        Files.write(copy, sealed);

        IOException refused = assertThrows(IOException.class, () -> copies.sha256Of(copy, sha));
        assertTrue(refused.getMessage().contains("impossible length at chunk 0"), refused.getMessage());
    }

    private static byte[] content(int size) {
        byte[] segment = "CLP*APPEAL-1004*4*400*0**12*PCN0000000004*11*1~\nNM1*QC*1*TESTPATIENT*TEST****MI*W100000004~\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = segment[i % segment.length];
        }
        return out;
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
