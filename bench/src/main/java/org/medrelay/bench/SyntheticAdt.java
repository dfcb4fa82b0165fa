package org.medrelay.bench;

/** A realistic ADT^A04 (about 700 bytes, PID, PV1, IN1) with a unique control id and a synthetic patient. */
final class SyntheticAdt {

    private SyntheticAdt() {
    }

    static String message(String controlId, int connection, int sequence) {
        String mrn = "BM" + connection + "X" + (sequence % 5000);
        return "MSH|^~\\&|BENCHADT|BENCH_FAC|MEDRELAY|EHR|20261103083000||ADT^A04^ADT_A01|" + controlId + "|P|2.5.1\r"
                + "EVN|A04|20261103083000\r"
                + "PID|1||" + mrn + "^^^BENCH^MR||Benchmark^Patient^Q^^^^L||19710214|F|||12 Synthetic Way^Apt 3^"
                + "Springfield^IL^62701^USA^H||^PRN^PH^^1^217^5550101|||||ACCT" + sequence + "\r"
                + "PV1|1|O|CLINIC^101^1^BENCH||||1234567890^Doctor^Dana^^^^MD^^NPI|||||||||||V" + controlId + "\r"
                + "IN1|1|AETPPO|60054^Aetna|Aetna Health Inc|PO Box 981106^^El Paso^TX^79998||^^^^^888^6323862|"
                + "GRP7788|PPO Gold||||20260101|20261231|||Benchmark^Patient^Q|SEL|19710214||||||||||||||||||"
                + "XK" + mrn + "\r";
    }
}
