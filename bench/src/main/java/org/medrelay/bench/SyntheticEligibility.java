package org.medrelay.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic 005010X279A1 271 file of any size straight to a file, as a clearinghouse returns a batch:
 * one interchange, one functional group, one transaction set per response. The responses rotate through the shapes
 * the front desk sees: active coverage with copay, coinsurance, deductible and out-of-pocket (remaining amounts
 * included) and an authorization flag; inactive coverage; and an AAA 72 (invalid member id) rejection. Names and
 * ids are invented. Valid against MedRelay's 271 schema, so the benchmark measures the full path.
 */
final class SyntheticEligibility {

    private SyntheticEligibility() {
    }

    /** Writes {@code responses} 271 transaction sets; returns the file's size in bytes. */
    static long write(Path file, int responses) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.ISO_8859_1), 1 << 16)) {
            out.write("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*MEDRELAY       *261124*1300*^*00501*000000601*0*P*:~\n");
            out.write("GS*HB*CLEARINGHOUSE*MEDRELAY*20261124*1300*601*X*005010X279A1~\n");
            StringBuilder transaction = new StringBuilder(2048);
            for (int i = 0; i < responses; i++) {
                transaction.setLength(0);
                response(transaction, i);
                out.append(transaction);
            }
            out.write("GE*" + responses + "*601~\nIEA*1*000000601~\n");
        }
        return Files.size(file);
    }

    private static void response(StringBuilder out, int number) {
        String control = String.format("%09d", number + 1);
        int start = out.length();
        out.append("ST*271*").append(control).append("*005010X279A1~\n")
                .append("BHT*0022*11*BENCH").append(number).append("*20261124*1300~\n")
                .append("HL*1**20*1~\nNM1*PR*2*NOTREAL HEALTH PLAN*****PI*12345~\n")
                .append("HL*2*1*21*1~\nNM1*1P*2*TESTCLINIC*****XX*1234567893~\n")
                .append("HL*3*2*22*0~\nTRN*2*BENCH").append(number).append("*9MEDRELAY1~\n")
                .append("NM1*IL*1*TESTPATIENT*SYNTHETIC").append(number % 1000).append("****MI*W").append(100000000 + number).append("~\n");
        switch (number % 10) {
            case 8 -> out.append("AAA*Y**72*C~\nDMG*D8*19750202*M~\n");
            case 9 -> out.append("DMG*D8*19750202*F~\nDTP*346*D8*20250101~\nDTP*347*D8*20251231~\nEB*6*IND*30~\n");
            default -> out.append("REF*18*SILVERPPO01*SILVER PPO~\nDMG*D8*19750202*M~\nDTP*346*D8*20260101~\nDTP*347*D8*20261231~\n")
                    .append("EB*1*IND*30^98^62*PR*SILVER PPO~\n")
                    .append("EB*B*IND*98*PR**27*").append(20 + number % 4 * 5).append("****N*Y~\nMSG*COPAY PER OFFICE VISIT~\n")
                    .append("EB*A*IND*98*PR****0.2***N*Y~\n")
                    .append("EB*C*IND*30*PR**23*2000*****Y~\nDTP*292*RD8*20260101-20261231~\n")
                    .append("EB*C*IND*30*PR**29*").append(100 * (number % 20)).append("*****Y~\n")
                    .append("EB*G*IND*30*PR**23*6000*****Y~\nEB*G*IND*30*PR**29*5200*****Y~\n")
                    .append("EB*1*IND*62*PR*******Y*Y~\nEB*I*IND*AL*PR~\n");
        }
        int segments = 1;
        for (int i = start; i < out.length(); i++) {
            if (out.charAt(i) == '~') {
                segments++;
            }
        }
        out.append("SE*").append(segments).append('*').append(control).append("~\n");
    }
}
