package org.medrelay.mappings.x12.remittance;

import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12InputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The synthetic 835s of test-data, read into lists (fine for a test; the reader itself keeps one claim). */
final class RemittanceSamples {

    private RemittanceSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = RemittanceSamples.class.getResourceAsStream("/medrelay-test-data/x12/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Collected read(byte[] bytes) {
        Collected collected = new Collected();
        try {
            new RemittanceReader().read(new ByteArrayInputStream(bytes), collected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (X12InputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return collected;
    }

    static final class Collected implements RemittanceHandler {
        final List<RemittanceAdvice> advices = new ArrayList<>();
        final List<ClaimPayment> claims = new ArrayList<>();
        final List<TransactionSet> ended = new ArrayList<>();

        @Override
        public void remittanceStarted(RemittanceAdvice advice) {
            advices.add(advice);
        }

        @Override
        public void claim(RemittanceAdvice advice, ClaimPayment claim) {
            claims.add(claim);
        }

        @Override
        public void remittanceEnded(RemittanceAdvice advice, TransactionSet validated) {
            ended.add(validated);
        }

        ClaimPayment claim(String patientControlNumber) {
            return claims.stream().filter(c -> c.patientControlNumber().equals(patientControlNumber)).findFirst().orElseThrow();
        }
    }
}
