package org.medrelay.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic 005010X221A1 835 of any size straight to a file: one interchange, one functional group,
 * one transaction set (one payment) per {@code claimsPerPayment} claims, each claim with three service lines
 * and adjustments rotating through paid, deductible, CO-16 with MA130, CO-50 with N115, CO-97 and OA-18.
 * Names and ids are invented. Valid against MedRelay's schema, so the benchmark measures the full path.
 */
final class SyntheticRemittance {

    private static final String[][] LINE_ADJUSTMENTS = {
            {"CO*45*", ""}, {"PR*1*", ""}, {"CO*16*", "MA130"}, {"CO*50*", "N115"}, {"CO*97*", "M15"}, {"OA*18*", ""}};

    private SyntheticRemittance() {
    }

    /** Writes {@code claims} claims; returns the file's size in bytes. */
    static long write(Path file, int claims, int claimsPerPayment) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.ISO_8859_1), 1 << 16)) {
            out.write("ISA*00*          *00*          *ZZ*PAYERTEST      *ZZ*MEDRELAY       *261124*0930*^*00501*000000777*0*P*:~\n");
            out.write("GS*HP*PAYERTEST*MEDRELAY*20261124*0930*777*X*005010X221A1~\n");
            int payments = 0;
            for (int first = 0; first < claims; first += claimsPerPayment) {
                payments++;
                payment(out, payments, first, Math.min(claims, first + claimsPerPayment));
            }
            out.write("GE*" + payments + "*777~\nIEA*1*000000777~\n");
        }
        return Files.size(file);
    }

    private static void payment(Writer out, int number, int from, int to) throws IOException {
        String control = String.format("%04d", number % 10000);
        StringBuilder body = new StringBuilder(1 << 16);
        int segments = 0;
        long paidTotal = 0;
        for (int i = from; i < to; i++) {
            Claim claim = new Claim(i);
            paidTotal += claim.paid;
            segments += claim.write(body);
        }
        String header = "ST*835*" + control + "~\nBPR*I*" + paidTotal + "*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20261120~\n"
                + "TRN*1*EFT" + number + "*1512345678~\nN1*PR*TEST HEALTH PLAN~\nN3*100 TEST PLAZA~\nN4*TESTVILLE*PA*19000~\n"
                + "PER*BL*EDI SUPPORT*TE*5555550100~\nN1*PE*TEST FAMILY PRACTICE*XX*1234567893~\nLX*1~\n";
        out.write(header);
        out.append(body);
        out.write("SE*" + (segments + 10) + "*" + control + "~\n");
    }

    /** One claim: three lines of 60 to 260, adjustments chosen by the claim number. */
    private static final class Claim {
        private final int number;
        private final int[] charges = new int[3];
        private final int[] paids = new int[3];
        private final String[][] adjustments = new String[3][];
        private final long billed;
        private final long paid;

        Claim(int number) {
            this.number = number;
            long b = 0;
            long p = 0;
            for (int l = 0; l < 3; l++) {
                String[] adjustment = LINE_ADJUSTMENTS[(number + l * (number % 2)) % LINE_ADJUSTMENTS.length];
                adjustments[l] = adjustment;
                charges[l] = 60 + (number * 7 + l * 31) % 200;
                boolean pays = adjustment[0].startsWith("CO*45") || adjustment[0].startsWith("PR");
                paids[l] = pays ? charges[l] - 20 : 0;
                b += charges[l];
                p += paids[l];
            }
            billed = b;
            paid = p;
        }

        int write(StringBuilder out) {
            long patient = 0;
            for (int l = 0; l < 3; l++) {
                if (adjustments[l][0].startsWith("PR")) {
                    patient += charges[l] - paids[l];
                }
            }
            out.append("CLP*SYN-").append(number).append(paid == 0 ? "*4*" : "*1*").append(billed).append('*').append(paid)
                    .append('*').append(patient == 0 ? "" : String.valueOf(patient)).append("*12*PAYERCLAIM").append(number).append("*11*1~\n")
                    .append("NM1*QC*1*TESTPATIENT*SYNTHETIC****MI*W").append(100000000 + number).append("~\n")
                    .append("DTM*232*20261101~\nDTM*233*20261101~\n");
            int segments = 4;
            for (int l = 0; l < 3; l++) {
                int adjusted = charges[l] - paids[l];
                out.append("SVC*HC:99213*").append(charges[l]).append('*').append(paids[l]).append("**1~\n")
                        .append("DTM*472*20261101~\nCAS*").append(adjustments[l][0]).append(adjusted).append("~\n")
                        .append("REF*6R*L").append(number).append('-').append(l).append("~\n");
                segments += 4;
                if (!adjustments[l][1].isEmpty()) {
                    out.append("LQ*HE*").append(adjustments[l][1]).append("~\n");
                    segments++;
                }
            }
            return segments;
        }
    }
}
