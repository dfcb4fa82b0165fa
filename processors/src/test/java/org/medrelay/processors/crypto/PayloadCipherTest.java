package org.medrelay.processors.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-256-GCM sealing of stored payloads: what a security reviewer checks. */
class PayloadCipherTest {

    private static final String NAME = "Quillfeather^Zebediah";
    private static final byte[] ADT = ("MSH|^~\\&|REGADT|MRH|MEDRELAY|EHR|20261124||ADT^A04|C1|P|2.5\r"
            + "PID|1||MRN-C1^^^MRH^MR||" + NAME + "||19700101|M\r").getBytes(StandardCharsets.UTF_8);
    private static final PayloadBinding ERROR_7 = PayloadBinding.errorRawCopy(7);

    private final PayloadKeyRing ring = TestKeys.ring("k2026a");
    private final PayloadCipher cipher = PayloadCipher.encrypting(ring);

    @Test
    void aSealedPayloadOpensToTheBytesGivenAndHoldsNoPlaintext() {
        byte[] sealed = cipher.seal(ADT, ERROR_7);
        assertArrayEquals(ADT, cipher.open(sealed, ERROR_7));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Quillfeather"));
        assertTrue(SealedPayloadFormat.isSealed(sealed));
        assertEquals("k2026a", SealedPayloadFormat.keyIdOf(sealed).orElseThrow());
        // header (4 magic + version + length + 6 id) + 12 nonce + 16 tag
        assertEquals(ADT.length + 12 + 12 + 16, sealed.length);
    }

    @Test
    void everyPayloadGetsAFreshNonce() {
        byte[] first = cipher.seal(ADT, ERROR_7);
        byte[] second = cipher.seal(ADT, ERROR_7);
        int nonceAt = 12;
        assertFalse(Arrays.equals(first, nonceAt, nonceAt + 12, second, nonceAt, nonceAt + 12));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void aChangeToAnyByteFailsWithAClearExceptionNeverGarbage() {
        byte[] sealed = cipher.seal(ADT, ERROR_7);
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            if (!SealedPayloadFormat.isSealed(altered)) {
                // A changed magic makes it read as a clear payload: it is then not the message either.
                assertFalse(Arrays.equals(ADT, cipher.open(altered, ERROR_7)));
                continue;
            }
            int at = i;
            PayloadDecryptionException e = assertThrows(PayloadDecryptionException.class,
                    () -> cipher.open(altered, ERROR_7), () -> "byte " + at);
            assertFalse(e.getMessage().contains("Quillfeather"), e.getMessage());
        }
    }

    @Test
    void threadsSealingAndOpeningAtOnceEachGetTheirOwnPayloadBackAndAFailedOpenLeavesNoTrace() throws Exception {
        // Each thread reuses one Cipher: a failed tag check, a key change or another thread must not leak into
        // the next payload it seals or opens.
        PayloadCipher rotated = PayloadCipher.encrypting(
                TestKeys.withActive(ring, "k2027b", Map.of("k2027b", TestKeys.randomKey())));
        byte[] tampered = cipher.seal(ADT, ERROR_7);
        tampered[tampered.length - 1] ^= 1;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] plain = ("payload " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
                        PayloadBinding row = PayloadBinding.errorRawCopy(thread * 1000L + i);
                        PayloadCipher writer = i % 2 == 0 ? cipher : rotated;
                        assertThrows(PayloadDecryptionException.class, () -> writer.open(tampered, ERROR_7));
                        assertArrayEquals(plain, rotated.open(writer.seal(plain, row), row));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTruncatedPayloadFails() {
        byte[] sealed = cipher.seal(ADT, ERROR_7);
        assertThrows(PayloadDecryptionException.class, () -> cipher.open(Arrays.copyOf(sealed, sealed.length - 1), ERROR_7));
        assertThrows(PayloadDecryptionException.class, () -> cipher.open(Arrays.copyOf(sealed, 20), ERROR_7));
    }

    @Test
    void aCiphertextMovedToAnotherRowOrKindDoesNotDecrypt() {
        byte[] sealed = cipher.seal(ADT, ERROR_7);
        PayloadDecryptionException moved = assertThrows(PayloadDecryptionException.class,
                () -> cipher.open(sealed, PayloadBinding.errorRawCopy(8)));
        assertTrue(moved.getMessage().contains("message-error/8"), moved.getMessage());
        assertTrue(moved.getMessage().contains("integrity"), moved.getMessage());
        assertThrows(PayloadDecryptionException.class, () -> cipher.open(sealed, PayloadBinding.workItemDraft(7)));
    }

    @Test
    void theKeyIdInTheHeaderIsAuthenticated() {
        SecretKey shared = TestKeys.randomKey();
        PayloadCipher twoIdsOneKey = PayloadCipher.encrypting(PayloadKeyRing.of("key-a", Map.of("key-a", shared, "key-b", shared)));
        byte[] sealed = twoIdsOneKey.seal(ADT, ERROR_7);
        byte[] relabelled = sealed.clone();
        relabelled[10] = 'b'; // "key-a" -> "key-b": same key material, so only the authenticated header catches it
        assertThrows(PayloadDecryptionException.class, () -> twoIdsOneKey.open(relabelled, ERROR_7));
    }

    @Test
    void afterRotationOldPayloadsStayReadableAndNewOnesUseTheNewKey() {
        byte[] underOld = cipher.seal(ADT, ERROR_7);
        PayloadKeyRing rotated = TestKeys.withActive(ring, "k2026b", Map.of("k2026b", TestKeys.randomKey()));
        PayloadCipher afterRotation = PayloadCipher.encrypting(rotated);

        assertArrayEquals(ADT, afterRotation.open(underOld, ERROR_7));
        byte[] underNew = afterRotation.seal(ADT, ERROR_7);
        assertEquals("k2026b", SealedPayloadFormat.keyIdOf(underNew).orElseThrow());

        byte[] resealed = afterRotation.reseal(underOld, ERROR_7);
        assertEquals("k2026b", SealedPayloadFormat.keyIdOf(resealed).orElseThrow());
        assertArrayEquals(ADT, afterRotation.open(resealed, ERROR_7));
        assertSame(underNew, afterRotation.reseal(underNew, ERROR_7), "already under the active key: left alone");
    }

    @Test
    void aPayloadUnderAKeyNotConfiguredNamesTheKeyId() {
        byte[] sealed = cipher.seal(ADT, ERROR_7);
        PayloadCipher otherDeployment = PayloadCipher.encrypting(TestKeys.ring("k2027"));
        PayloadDecryptionException e = assertThrows(PayloadDecryptionException.class,
                () -> otherDeployment.open(sealed, ERROR_7));
        assertEquals("k2026a", e.keyId());
        assertTrue(e.getMessage().contains("not configured"), e.getMessage());
    }

    @Test
    void withEncryptionOffPayloadsAreStoredInClearAndOldSealedOnesStillOpen() {
        byte[] sealedBefore = cipher.seal(ADT, ERROR_7);
        PayloadCipher off = PayloadCipher.clear(ring);
        assertSame(ADT, off.seal(ADT, ERROR_7));
        assertArrayEquals(ADT, off.open(sealedBefore, ERROR_7));
        assertArrayEquals(ADT, off.reseal(sealedBefore, ERROR_7), "decrypted to clear by a re-encryption run");
        assertArrayEquals(ADT, cipher.open(ADT, ERROR_7), "clear payloads from before encryption are read as stored");
    }

    @Test
    void theRingTakesOnlyAes256KeysAndAnActiveIdItHolds() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> PayloadKeyRing.of("k1", Map.of("k1", new javax.crypto.spec.SecretKeySpec(new byte[16], "AES"))));
        assertTrue(shortKey.getMessage().contains("k1"));
        assertThrows(IllegalArgumentException.class, () -> PayloadKeyRing.of("k9", Map.of("k1", TestKeys.randomKey())));
        assertThrows(IllegalArgumentException.class, () -> PayloadKeyRing.of("K1", Map.of("K1", TestKeys.randomKey())));
        assertNotEquals(-1, ring.toString().indexOf("k2026a"));
        assertThrows(IllegalArgumentException.class, () -> PayloadCipher.encrypting(PayloadKeyRing.empty()));
    }
}
