package org.medrelay.routes.engine;

import java.util.List;

/**
 * Synthetic HL7v2 messages for every path through the engine, each full of invented but distinctive names, MRNs,
 * dates of birth, addresses, phone numbers and member ids, and the list of those values in every spelling a leak
 * would take (HL7 {@code 19580317} and FHIR {@code 1958-03-17}).
 */
final class PhiMessages {

    /** Every identifying value below; none may appear in a log line or on the console. */
    static final List<String> VALUES = List.of(
            // accepted ADT^A04: patient, next of kin, insurance
            "Vantaberry", "Quillon", "Ottoline", "QVX558201", "19580317", "1958-03-17", "4471 Marrowgate Lane",
            "Fennimore", "5550143", "555-0143", "ZKW918273645", "512-88-0417", "Fennelwick", "Brisa", "5550177",
            // accepted ORU^R01, with the name in a result comment
            "Underquist", "Marisol", "MUQ771903", "19490722", "1949-07-22", "82 Brackenfold Road", "Wexcombe",
            "5550188",
            // accepted SIU^S12
            "Pellinore", "Thaddeus", "TPX330917", "19911105", "1991-11-05", "9 Quenby Court", "Loxford", "5550121",
            // refused at the door: unsupported type (AR), no control id (AE), bad segment (AR), bad version (AR)
            "Oakhollow", "Winifred", "RBX204466", "19660829", "Crumlaugh", "Ebenezer", "GBX119382", "19770104",
            "Quarrendon", "Isolde", "AEX551093", "19880416", "Brimblecombe", "Caspian", "VRX660418", "19730921",
            // accepted, then refused by processing (unknown event) or mapped without its impossible birth date
            "Quanstrom", "Mirelda", "UPX640021", "19830615", "Drewfallow", "Ossian", "BDX902214", "19581399",
            // dead-lettered while the EHR is down, then reprocessed
            "Vesperine", "Hollis", "DLX733105", "19520911", "1952-09-11", "31 Tallowmere Row", "5550199",
            // bytes outside a frame
            "Galloway-Stroud", "Perpetua", "FRX448812", "19640229",
            // work items: EHR id, draft, reasons, rejection reason, link description
            "qvx-ehr-5521", "Zephyrine", "Blackhollow", "HMP-7730-2291");

    private PhiMessages() {
    }

    static String acceptedAdt() {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^A04^ADT_A01|LS-ADT-1|P|2.5.1\r"
                + "EVN|A04|20261103083000\r"
                + "PID|1||QVX558201^^^MRH^MR~ZKW918273645^^^HMHP^MB||Vantaberry^Quillon^Ottoline^^^^L||19580317|F|||"
                + "4471 Marrowgate Lane^^Fennimore^WI^53809^USA^H||^PRN^PH^^1^608^5550143|||||||512-88-0417\r"
                + "NK1|1|Fennelwick^Brisa|SIS^Sister^HL70063||^PRN^PH^^1^608^5550177\r"
                + TestMessages.pv1("O", "CLINIC^101^1^MRH", "1234567890^Doctor^Dana", "VLS-ADT-1")
                + "IN1|1|HMHPPO|HMHP^Heronsgate Mutual|Heronsgate Mutual Health Plan|||||GRP4410|Gold PPO|||"
                + "20260101|20261231|||Vantaberry^Quillon^Ottoline|SEL|19580317|||||||||||||||||||ZKW918273645\r";
    }

    static String acceptedOru() {
        return "MSH|^~\\&|LAB|MRH_CLINIC|MEDRELAY|EHR|20261105150000||ORU^R01^ORU_R01|LS-ORU-1|P|2.5.1\r"
                + "PID|1||MUQ771903^^^MRH^MR||Underquist^Marisol^^^^^L||19490722|F|||"
                + "82 Brackenfold Road^^Wexcombe^WI^53002^USA^H||^PRN^PH^^1^715^5550188\r"
                + TestMessages.pv1("I", "WARD3^314^A^MRH", "1234567890^Doctor^Dana", "VLS-ORU-1")
                + "ORC|RE|ORDLS1^MRH_EHR|LABLS1^MRH_LAB||CM\r"
                + "OBR|1|ORDLS1^MRH_EHR|LABLS1^MRH_LAB|58410-2^CBC panel - Blood by Automated count^LN|||20261105093000\r"
                + "OBX|1|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||13.2|g/dL^g/dL^UCUM|12.0-15.5|N|||F\r"
                + "OBX|2|TX|8251-1^Service comment^LN||Marisol Underquist (MRN MUQ771903) called from 715-555-0188||||||F\r"
                + "NTE|1|L|Result discussed with Marisol Underquist, born 1949-07-22\r";
    }

    static String acceptedSiu() {
        return "MSH|^~\\&|SCHEDULER|MRH_CLINIC|MEDRELAY|EHR|20261101120000||SIU^S12^SIU_S12|LS-SIU-1|P|2.5.1\r"
                + "SCH|APTLS1^MRH_SCHED|FAPTLS1^MRH_SCHED||||NEW^New appointment^HL70276|CHECKUP^Annual checkup^L|"
                + "ROUTINE^Routine visit^HL70276|30|MIN|^^^202611101000^202611101030||||||||||||||Booked\r"
                + "PID|1||TPX330917^^^MRH^MR||Pellinore^Thaddeus^^^^^L||19911105|M|||"
                + "9 Quenby Court^^Loxford^WI^54016^USA^H||^PRN^PH^^1^920^5550121\r"
                + TestMessages.pv1("O", "CLINIC^101^1^MRH", "1234567890^Doctor^Dana", "VLS-SIU-1")
                + "RGS|1|A\r"
                + "AIS|1|A|99213^Office visit est patient^C4|202611101000|||30|MIN\r";
    }

    /** AR, HL7 error 200: a type this interface does not take. */
    static String unsupportedType() {
        return "MSH|^~\\&|BILLING|MRH|MEDRELAY|EHR|20261103||BAR^P01^BAR_P01|LS-BAR-1|P|2.5\r"
                + "EVN|P01|20261103\r"
                + "PID|1||RBX204466^^^MRH^MR||Oakhollow^Winifred||19660829\r";
    }

    /** AE, HL7 error 101: MSH-10 missing. */
    static String missingControlId() {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103||ADT^A04^ADT_A01||P|2.5.1\r"
                + "PID|1||AEX551093^^^MRH^MR||Quarrendon^Isolde||19880416\r";
    }

    /** AR, HL7 error 100: a line that is no segment, quoting a patient. */
    static String badSegment() {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103||ADT^A04^ADT_A01|LS-SEG-1|P|2.5.1\r"
                + "PID|1||GBX119382^^^MRH^MR||Crumlaugh^Ebenezer||19770104\r"
                + "patient Ebenezer Crumlaugh GBX119382 19770104\r";
    }

    /** AR, HL7 error 203: not a version 2 message. */
    static String badVersion() {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103||ADT^A04^ADT_A01|LS-VER-1|P|3.0\r"
                + "PID|1||VRX660418^^^MRH^MR||Brimblecombe^Caspian||19730921\r";
    }

    /** Accepted at the door, refused by processing: no mapping for the event. */
    static String unknownEvent() {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^A99|LS-A99-1|P|2.5.1\r"
                + "EVN|A99|20261103083000\r"
                + "PID|1||UPX640021^^^MRH^MR||Quanstrom^Mirelda||19830615|F\r";
    }

    /** Accepted at the door; the birth date does not exist, so the mapping leaves it out (logged at DEBUG). */
    static String impossibleBirthDate() {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^A04^ADT_A01|LS-DOB-1|P|2.5.1\r"
                + "EVN|A04|20261103083000\r"
                + "PID|1||BDX902214^^^MRH^MR||Drewfallow^Ossian||19581399|M\r"
                + TestMessages.pv1("O", "CLINIC^101^1^MRH", "1234567890^Doctor^Dana", "VLS-DOB-1");
    }

    /** Processed while the EHR is down: dead-lettered, then reprocessed. */
    static String deadLetterAdt() {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^A04^ADT_A01|LS-DLQ-1|P|2.5.1\r"
                + "EVN|A04|20261103083000\r"
                + "PID|1||DLX733105^^^MRH^MR||Vesperine^Hollis||19520911|M|||31 Tallowmere Row^^Fennimore^WI^53809||"
                + "^PRN^PH^^1^608^5550199\r"
                + TestMessages.pv1("O", "CLINIC^101^1^MRH", "1234567890^Doctor^Dana", "VLS-DLQ-1");
    }

    /** Bytes a sender wrote outside any MLLP frame. */
    static String unframed() {
        return "PID|1||FRX448812^^^MRH^MR||Galloway-Stroud^Perpetua||19640229\r";
    }
}
