package org.medrelay.processors.referral;

/** Synthetic REF^I12 messages for the referral tests (no real patient). */
final class Referrals {

    static final String PRACTICE_NPI = "1234567890";
    static final String OTHER_NPI = "1999888777";

    private Referrals() {
    }

    /**
     * @param priority  RF1-2 (R, A, S)
     * @param specialty RF1-3, e.g. {@code CARD^Cardiology^L}
     * @param reason    RF1-10, e.g. {@code I25.10^Atherosclerotic heart disease^I10C}, or empty
     * @param payer     IN1-3, e.g. {@code 60054^Aetna}, or null for no IN1
     * @param referring the referring provider's NPI (PRD-7)
     */
    static String refI12(String control, String referralId, String mrn, String priority, String specialty, String reason,
                         String payer, String referring) {
        return "MSH|^~\\&|REFERRALS|MRH_CLINIC|MEDRELAY|EHR|20261111090000||REF^I12^REF_I12|" + control + "|P|2.5.1|||AL|NE\r"
                + "RF1|P^Pending^HL70283|" + priority + "|" + specialty + "||O^Outpatient^HL70284|" + referralId
                + "^MRH_REF|20261111|20270211|20261111090000|" + reason + "\r"
                + "PRD|RP^Referring Provider^HL70286|Doctor^Dana^^^Dr|12 Synthetic Way^^Springfield^IL^62701||||" + referring + "^NPI\r"
                + "PRD|RT^Referred to Provider^HL70286|Cardiologist^Fay^^^Dr|5 Heart Plaza^^Springfield^IL^62701||||1555000111^NPI\r"
                + "PID|1||" + mrn + "^^^MRH^MR||Notreal^Dmitri^^^^^L||19790101|M|||88 Nowhere Rd^^Capital City^IL^62703^USA^H\r"
                + (payer == null ? "" : "IN1|1|PPO|" + payer + "|Synthetic Payer|PO Box 1^^El Paso^TX^79998||^^^^^888^5550199|GRP7788"
                + "|PPO Gold|||20260101|20261231|||Notreal^Dmitri|SEL|19790101||||||||||||||||||XK" + mrn + "\r")
                + "PV1|1|O|CLINIC^101^1^MRH||||" + referring + "^Doctor^Dana^^^^MD^^NPI||||||||||||V" + control + "^^^MRH^VN\r";
    }

    static String rriI12(String control, String referralId, String mrn) {
        return "MSH|^~\\&|CARDIO|HEART_PLAZA|MEDRELAY|EHR|20261112090000||RRI^I12^RRI_I12|" + control + "|P|2.5.1|||AL|NE\r"
                + "MSA|AA|" + control + "\r"
                + "RF1|A^Accepted^HL70283|R^Routine^HL70280|CARD^Cardiology^L||O^Outpatient^HL70284|" + referralId
                + "^MRH_REF|20261111|20270211|20261112090000\r"
                + "PRD|RT^Referred to Provider^HL70286|Cardiologist^Fay^^^Dr|5 Heart Plaza^^Springfield^IL^62701||||1555000111^NPI\r"
                + "PID|1||" + mrn + "^^^MRH^MR||Notreal^Dmitri^^^^^L||19790101|M\r";
    }
}
