package org.medrelay.mappings.x12.remittance;

/**
 * A synthetic 005010X221A1 835 of any number of claims, each with one service line and a rotating CAS
 * (CO-45 paid, PR-1 deductible, CO-16 with MA130, CO-50, OA-18), for streaming tests. Names and ids invented.
 */
final class Remittance835Generator {

    private static final String[][] ADJUSTMENTS = {
            {"CO*45", ""}, {"PR*1", ""}, {"CO*16", "MA130"}, {"CO*50", "N115"}, {"OA*18", ""}};

    private Remittance835Generator() {
    }

    static String generate(int claims, int seed) {
        StringBuilder body = new StringBuilder(claims * 260);
        int segments = 0;
        long paidTotal = 0;
        for (int i = 0; i < claims; i++) {
            String[] adjustment = ADJUSTMENTS[(i + seed) % ADJUSTMENTS.length];
            boolean pays = adjustment[0].equals("CO*45") || adjustment[0].equals("PR*1");
            int billed = 100 + (i % 400);
            int paid = pays ? billed - 20 : 0;
            int adjusted = billed - paid;
            paidTotal += paid;
            body.append("CLP*GEN-").append(i).append("*").append(pays ? "1" : "4").append("*").append(billed).append("*").append(paid)
                    .append(adjustment[0].startsWith("PR") ? "*" + adjusted : "*").append("*12*PCN").append(i).append("*11*1~\n")
                    .append("NM1*QC*1*TESTPATIENT*GEN****MI*W").append(100000 + i).append("~\n")
                    .append("DTM*232*20261101~\n")
                    .append("SVC*HC:99213*").append(billed).append("*").append(paid).append("**1~\n")
                    .append("DTM*472*20261101~\n")
                    .append("CAS*").append(adjustment[0]).append("*").append(adjusted).append("~\n");
            segments += 6;
            if (!adjustment[1].isEmpty()) {
                body.append("LQ*HE*").append(adjustment[1]).append("~\n");
                segments++;
            }
        }
        String header = "ST*835*0001~\nBPR*I*" + paidTotal + "*C*CHK************20261120~\nTRN*1*CHK0001*1512345678~\n"
                + "N1*PR*TEST HEALTH PLAN~\nN3*100 TEST PLAZA~\nN4*TESTVILLE*PA*19000~\n"
                + "N1*PE*TEST FAMILY PRACTICE*XX*1234567893~\nLX*1~\n";
        segments += 9 + 1;
        return "ISA*00*          *00*          *ZZ*PAYERTEST      *ZZ*MEDRELAY       *261124*0930*^*00501*000000900*0*T*:~\n"
                + "GS*HP*PAYERTEST*MEDRELAY*20261124*0930*900*X*005010X221A1~\n"
                + header + body + "SE*" + segments + "*0001~\nGE*1*900~\nIEA*1*000000900~\n";
    }
}
