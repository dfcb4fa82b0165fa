package org.medrelay.testdata.fax;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Invented values for one fax: people, organisations, identifiers and clinical content. All made up; phone and fax
 * numbers are in the 555-01xx range reserved for fiction.
 */
final class FaxValues {

    private static final List<String> FIRST = List.of("Maria", "James", "Aiyana", "Robert", "Lucia", "Deshawn", "Helen",
            "Tomasz", "Priya", "Walter", "Keiko", "Samuel", "Ingrid", "Omar", "Beatrice", "Colin", "Rosa", "Dmitri",
            "Nadia", "Franklin", "Yolanda", "Arjun", "Greta", "Luis", "Margot", "Elijah", "Siobhan", "Hector", "Wren", "Abel",
            "Camille", "Desmond", "Ottilie", "Rafael", "Tamsin", "Bertrand", "Imani", "Leopold", "Marisol", "Ansel");
    /** Surnames are put together from two parts (625 of them), so no name recurs often enough to teach the classifier. */
    private static final List<String> SURNAME_STARTS = List.of("Quill", "March", "Okon", "Lind", "Bram", "Castel", "Thors",
            "Naka", "Pember", "Vas", "Hal", "Kowal", "Ferr", "Ash", "Dela", "Umber", "Strand", "Oye", "Whit", "Ziel",
            "Rath", "Mor", "Till", "Gud", "Aber");
    private static final List<String> SURNAME_ENDS = List.of("feather", "etti", "kwo", "qvist", "well", "lanos", "by",
            "gawa", "ton", "quez", "dane", "czyk", "eira", "down", "croix", "field", "sen", "laran", "combe", "inski",
            "bone", "eau", "man", "mund", "nathy");
    private static final List<String> CLINICS = List.of("Riverbend Family Medicine", "Cedar Hollow Primary Care",
            "Maple Grove Internal Medicine", "Harbor Point Family Practice");
    private static final Map<String, List<String>> SENDERS = Map.of(
            "lab-result", List.of("Northgate Clinical Laboratories", "Bluestem Diagnostic Lab", "Summit Reference Laboratory",
                    "Prairie Valley Hospital Laboratory", "Coastal Pathology Associates", "Granite State Labs"),
            "imaging-report", List.of("Lakeshore Imaging Center", "Evergreen Radiology Group", "St. Aldric Medical Center Radiology",
                    "Clearview Open MRI", "Westfield Diagnostic Imaging", "Pinecrest Breast Center"),
            "referral", List.of("Oakridge Pediatrics", "Sunnyvale Urgent Care", "Hillcrest Women's Health", "Brookside Family Clinic",
                    "Meadowlark Community Health Center", "Valley Orthopedic Associates"),
            "records-request", List.of("Harlow and Finch LLP", "Keystone Life Insurance Company", "State Disability Determination Services",
                    "Rutherford Injury Law Group", "Silverline Records Retrieval", "Eastbrook Cardiology Associates"),
            "billing", List.of("Apex Medical Billing", "Ledgerpoint Revenue Services", "Tristate Courier Logistics",
                    "Crestline Transcription", "Medline Equipment Leasing", "Northstar Collections"),
            "marketing", List.of("OfficeGear Supply Co.", "PracticeBoost Marketing", "Sunrise Travel Rewards", "MedSupply Direct",
                    "Zenith Copier Solutions", "Pinnacle Pharma Education", "ReviewStar Software"),
            "other", List.of("St. Aldric Medical Center", "Greenfield County Health Department", "Hillcrest Women's Health",
                    "Lakeview Surgical Associates", "Brookside Family Clinic", "Tri-County Medical Society"));
    private static final List<String> PAYERS = List.of("Evergreen Health Plan", "Bluewater Mutual Insurance",
            "Cardinal Care HMO", "Northern Plains Health Alliance", "Lighthouse Medicare Advantage", "Unity Commercial Health");
    private static final List<String> PHARMACIES = List.of("Corner Drug Pharmacy #214", "HealthMart Pharmacy on Elm",
            "Valley Rx Pharmacy", "QuickCare Pharmacy #0831", "Riverside Apothecary", "ScriptDirect Mail Order");
    private static final List<String> MEDICATIONS = List.of("Lisinopril 10 mg tablet", "Metformin 500 mg tablet",
            "Atorvastatin 40 mg tablet", "Levothyroxine 75 mcg tablet", "Amlodipine 5 mg tablet", "Sertraline 50 mg tablet",
            "Omeprazole 20 mg capsule", "Albuterol HFA 90 mcg inhaler", "Losartan 50 mg tablet", "Gabapentin 300 mg capsule");
    private static final List<String> SIGS = List.of("take 1 tablet by mouth daily", "take 1 tablet twice daily with meals",
            "take 1 capsule at bedtime", "inhale 2 puffs every 4 to 6 hours as needed", "take 1 tablet every morning");
    private static final List<String> SPECIALTIES = List.of("Cardiology", "Dermatology", "Orthopedics", "Gastroenterology",
            "Endocrinology", "Neurology", "Physical Therapy", "Pulmonology");
    private static final List<String> REASONS = List.of("evaluation of chest pain on exertion", "persistent knee pain after a fall",
            "uncontrolled type 2 diabetes", "changing mole on the back", "chronic reflux not responding to therapy",
            "recurrent migraines", "shortness of breath and abnormal spirometry", "low back pain with radiculopathy");
    private static final List<String> DIAGNOSES = List.of("I20.9 angina pectoris", "M25.561 pain in right knee",
            "E11.65 type 2 diabetes with hyperglycemia", "D48.5 neoplasm of uncertain behavior of skin", "K21.9 GERD",
            "G43.909 migraine", "R06.02 shortness of breath", "M54.16 radiculopathy, lumbar region");
    private static final List<String> EXAMS = List.of("MRI LUMBAR SPINE WITHOUT CONTRAST", "CT ABDOMEN AND PELVIS WITH CONTRAST",
            "CHEST X-RAY, 2 VIEWS", "ULTRASOUND THYROID", "SCREENING MAMMOGRAM BILATERAL", "MRI RIGHT KNEE WITHOUT CONTRAST",
            "CT HEAD WITHOUT CONTRAST", "DEXA BONE DENSITY");
    private static final List<String> HISTORIES = List.of("Low back pain radiating to the left leg.", "Abdominal pain, rule out appendicitis.",
            "Cough and fever for one week.", "Palpable thyroid nodule.", "Routine screening.", "Knee pain after twisting injury.",
            "Headache after a fall.", "Postmenopausal, osteoporosis screening.");
    private static final List<String> FINDINGS = List.of("Mild disc bulge at L4-L5 with moderate left foraminal narrowing. No fracture.",
            "The appendix is normal. No free fluid. Liver, spleen and kidneys are unremarkable.",
            "Patchy opacity in the right lower lobe. Heart size is normal. No pleural effusion.",
            "A 1.2 cm hypoechoic nodule in the right lobe with internal vascularity.",
            "Scattered fibroglandular densities. No suspicious mass or calcification.",
            "Complex tear of the posterior horn of the medial meniscus. Small joint effusion.",
            "No acute intracranial hemorrhage, mass effect or midline shift.",
            "Lumbar spine T-score -2.6. Left femoral neck T-score -1.9.");
    private static final List<String> IMPRESSIONS = List.of("Degenerative disc disease L4-L5 with left foraminal stenosis.",
            "No acute abdominal process.", "Right lower lobe pneumonia. Follow-up radiograph in 6 weeks recommended.",
            "TI-RADS 4 nodule. Fine needle aspiration recommended.", "BI-RADS 1: negative. Routine annual screening.",
            "Medial meniscus tear.", "No acute intracranial abnormality.", "Osteoporosis of the lumbar spine.");
    private static final List<String> SERVICES = List.of("MRI lumbar spine (CPT 72148)", "CT abdomen and pelvis (CPT 74177)",
            "Physical therapy, 12 visits", "Sleep study (CPT 95810)", "Humira 40 mg pen", "Ozempic 1 mg pen",
            "Left knee arthroscopy (CPT 29881)", "Continuous glucose monitor");
    private static final String[][] LAB_PANELS = {
            {"HEMOGLOBIN A1C", "%", "4.0-5.6", "5.1", "8.4"}, {"GLUCOSE, FASTING", "mg/dL", "70-99", "88", "141"},
            {"TSH", "uIU/mL", "0.45-4.50", "1.92", "7.80"}, {"LDL CHOLESTEROL", "mg/dL", "0-99", "84", "162"},
            {"CREATININE", "mg/dL", "0.57-1.00", "0.82", "1.64"}, {"POTASSIUM", "mmol/L", "3.5-5.2", "4.1", "6.1"},
            {"HEMOGLOBIN", "g/dL", "11.1-15.9", "13.2", "9.4"}, {"WBC", "x10E3/uL", "3.4-10.8", "6.7", "14.2"},
            {"VITAMIN D, 25-HYDROXY", "ng/mL", "30.0-100.0", "41.2", "17.5"}, {"PSA, TOTAL", "ng/mL", "0.0-4.0", "1.1", "6.3"}};
    private static final List<String> PANELS = List.of("COMPREHENSIVE METABOLIC PANEL", "LIPID PANEL", "CBC WITH DIFFERENTIAL",
            "THYROID PANEL", "HEMOGLOBIN A1C");
    private static final List<String> STREETS = List.of("Orchard Lane", "Main Street", "Harbor Road", "Cedar Avenue",
            "Commerce Drive", "Willow Court");
    private static final List<String> CITIES = List.of("Fairhaven, OR 97000", "Millbrook, NY 12000", "Ashford, TX 75000",
            "Lakeview, MN 55000", "Brightwater, NC 27000");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private FaxValues() {
    }

    /** Every slot a template may use, filled for one fax of {@code type}. */
    static Map<String, String> invent(String type, Random random) {
        Map<String, String> v = new HashMap<>();
        String first = pick(random, FIRST);
        String last = surname(random);
        v.put("patient", first + " " + last);
        v.put("patient_last_first", last.toUpperCase(Locale.ROOT) + ", " + first);
        LocalDate dob = LocalDate.of(1935 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
        v.put("dob", dob.format(US_DATE));
        v.put("sex", random.nextBoolean() ? "F" : "M");
        v.put("mrn", String.valueOf(10_000_000 + random.nextInt(89_999_999)));
        v.put("member_id", (char) ('A' + random.nextInt(26)) + "" + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26)) + (100_000_000 + random.nextInt(899_999_999)));
        String providerFirst = pick(random, FIRST);
        String providerLast = surname(random);
        v.put("provider", random.nextBoolean() ? "Dr. " + providerFirst + " " + providerLast : providerFirst + " " + providerLast + ", MD");
        v.put("person", pick(random, FIRST) + " " + surname(random));
        v.put("person_last", surname(random));
        v.put("clinic", pick(random, CLINICS));
        v.put("clinic_fax", fictionalPhone(random));
        v.put("sender_org", SENDERS.containsKey(type) ? pick(random, SENDERS.get(type)) : pick(random, SENDERS.get("other")));
        v.put("payer", pick(random, PAYERS));
        v.put("pharmacy", pick(random, PHARMACIES));
        v.put("sender_fax", fictionalPhone(random));
        v.put("sender_phone", fictionalPhone(random));
        v.put("patient_phone", fictionalPhone(random));
        v.put("remove_phone", "1-800-555-01" + twoDigits(random));
        LocalDate date = LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28));
        v.put("date", date.format(US_DATE));
        v.put("date2", (random.nextBoolean() ? date.plusDays(1 + random.nextInt(20)).format(US_DATE)
                : date.plusDays(1 + random.nextInt(20)).format(LONG_DATE)));
        v.put("date3", date.minusDays(10 + random.nextInt(200)).format(US_DATE));
        v.put("time", String.format("%02d:%02d", 7 + random.nextInt(11), random.nextInt(60)));
        v.put("accession", "A" + (1_000_000 + random.nextInt(8_999_999)));
        v.put("clia", "0" + (1 + random.nextInt(9)) + "D" + (1_000_000 + random.nextInt(8_999_999)));
        v.put("npi", String.valueOf(1_000_000_000L + random.nextInt(999_999_999)));
        v.put("ncpdp", String.valueOf(1_000_000 + random.nextInt(8_999_999)));
        v.put("ref_no", "R-" + (100_000 + random.nextInt(899_999)));
        v.put("payer_ref", (random.nextBoolean() ? "PA" : "UM") + (2026_000_000L + random.nextInt(999_999)));
        v.put("claim_no", String.valueOf(20_260_000_000L + random.nextInt(99_999_999)));
        v.put("check_no", String.valueOf(400_000 + random.nextInt(99_999)));
        v.put("tax_id", (10 + random.nextInt(89)) + "-" + (1_000_000 + random.nextInt(8_999_999)));
        v.put("po_box", String.valueOf(1000 + random.nextInt(8999)));
        for (String amount : List.of("amount", "amount2", "amount3", "amount4")) {
            v.put(amount, String.format("%d.%02d", 20 + random.nextInt(2400), random.nextInt(100)));
        }
        v.put("medication", pick(random, MEDICATIONS));
        v.put("sig", pick(random, SIGS));
        int reason = random.nextInt(REASONS.size());
        v.put("specialty", pick(random, SPECIALTIES));
        v.put("reason", REASONS.get(reason));
        v.put("diagnosis", DIAGNOSES.get(reason));
        v.put("diagnosis_sentence", "Working diagnosis: " + DIAGNOSES.get(reason) + ".");
        int exam = random.nextInt(EXAMS.size());
        v.put("exam", EXAMS.get(exam));
        v.put("history", HISTORIES.get(exam));
        v.put("findings", FINDINGS.get(exam));
        v.put("impression", IMPRESSIONS.get(exam));
        v.put("service", pick(random, SERVICES));
        putDecision(v, random, date);
        v.put("panel", pick(random, PANELS));
        v.put("lab_rows", labRows(random));
        v.put("restaurant", pick(random, List.of("The Copper Kettle", "Bellamy's Steakhouse", "Harborview Grill")));
        v.put("address", (100 + random.nextInt(8900)) + " " + pick(random, STREETS) + ", " + pick(random, CITIES));
        return v;
    }

    /** The letterhead's second line: address, phone and fax of the sender. */
    static String letterheadLine(Random random, Map<String, String> values) {
        return (100 + random.nextInt(8900)) + " " + pick(random, STREETS) + ", " + pick(random, CITIES)
                + "   Tel " + values.get("sender_phone") + "   Fax " + values.get("sender_fax");
    }

    private static void putDecision(Map<String, String> v, Random random, LocalDate date) {
        String until = date.plusDays(60 + random.nextInt(120)).format(US_DATE);
        switch (random.nextInt(3)) {
            case 0 -> {
                v.put("decision", "approved");
                v.put("decision_upper", "APPROVED");
                v.put("decision_text", "The service is approved from " + date.format(US_DATE) + " through " + until
                        + ". Approved units: " + (1 + random.nextInt(12)) + ".");
            }
            case 1 -> {
                v.put("decision", "denied");
                v.put("decision_upper", "DENIED");
                v.put("decision_text", "The request does not meet medical necessity criteria (" + pick(random,
                        List.of("conservative therapy not documented", "step therapy required", "not a covered benefit"))
                        + "). You may appeal within 60 days of " + date.format(US_DATE) + ". A peer-to-peer review is available.");
            }
            default -> {
                v.put("decision", "pended");
                v.put("decision_upper", "PENDED");
                v.put("decision_text", "The request is pending: additional clinical information is required. Please submit "
                        + "recent office notes by " + date.plusDays(14).format(US_DATE) + ".");
            }
        }
    }

    private static String labRows(Random random) {
        StringBuilder rows = new StringBuilder();
        int count = 2 + random.nextInt(4);
        int start = random.nextInt(LAB_PANELS.length);
        for (int i = 0; i < count; i++) {
            String[] test = LAB_PANELS[(start + i) % LAB_PANELS.length];
            boolean abnormal = random.nextInt(3) == 0;
            String flag = abnormal ? (test[0].startsWith("HEMOGLOBIN") && !test[0].contains("A1C")
                    || test[0].startsWith("VITAMIN") ? "L" : "H") : " ";
            rows.append(String.format("%-28s %-10s %-6s %-10s %s%n", test[0], abnormal ? test[4] : test[3], flag, test[1], test[2]));
        }
        return rows.toString().stripTrailing();
    }

    private static String surname(Random random) {
        return pick(random, SURNAME_STARTS) + pick(random, SURNAME_ENDS);
    }

    static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String fictionalPhone(Random random) {
        return "(" + (200 + random.nextInt(799)) + ") 555-01" + twoDigits(random);
    }

    private static String twoDigits(Random random) {
        return String.format("%02d", random.nextInt(100));
    }
}
