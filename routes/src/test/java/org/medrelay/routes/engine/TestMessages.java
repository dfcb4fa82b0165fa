package org.medrelay.routes.engine;

/** Segments built by field number, so a test message cannot put a value one pipe off. */
final class TestMessages {

    private TestMessages() {
    }

    /** PV1 with PV1-2 patient class, PV1-3 location, PV1-7 attending doctor and PV1-19 visit number. */
    static String pv1(String patientClass, String location, String attending, String visitNumber) {
        String[] fields = new String[20];
        java.util.Arrays.fill(fields, "");
        fields[0] = "PV1";
        fields[1] = "1";
        fields[2] = patientClass;
        fields[3] = location;
        fields[7] = attending;
        fields[19] = visitNumber;
        return String.join("|", fields) + "\r";
    }
}
