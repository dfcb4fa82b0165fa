package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * De-identifies one HL7v2 message field by field (deid/hl7v2-fields.tsv), working on the text with
 * the delimiters the message declares: every field it does not change stays byte for byte as sent,
 * and segment separators are kept. Structured fields go first, so names and identifiers from PID, NK1,
 * GT1 and IN1 are known before NTE, OBX text and any unlisted field go through the free-text pass.
 * Thread-safe; the state is in the session.
 */
public final class Hl7v2Deidentifier {

    private static final Set<String> NUMERIC_TYPES = Set.of("NM", "SN", "NA", "ID", "IS", "TM", "MO", "CQ", "NR", "CP");
    private static final Set<String> DATE_TYPES = Set.of("DT", "TS", "DTM");
    private static final Map<String, Hl7FieldTreatment> STRUCTURED_VALUE_TYPES = Map.of(
            "XPN", Hl7FieldTreatment.NAME, "XAD", Hl7FieldTreatment.ADDRESS, "XTN", Hl7FieldTreatment.TELECOM,
            "CX", Hl7FieldTreatment.IDENTIFIER, "XCN", Hl7FieldTreatment.PERSON, "XON", Hl7FieldTreatment.ORGANIZATION);
    private static final Set<String> IMAGE_SUBTYPES = Set.of("JPEG", "JPG", "PNG", "GIF", "TIFF", "TIF", "BMP", "DICOM");

    private final Hl7FieldRules rules;
    private final Hl7FieldScrubber scrubber;
    private final FreeTextDeidentifier freeText;

    public Hl7v2Deidentifier() {
        this(new FreeTextDeidentifier(), new IdentifierTypes(), new ZipCodeRule());
    }

    Hl7v2Deidentifier(FreeTextDeidentifier freeText, IdentifierTypes identifierTypes, ZipCodeRule zipCodes) {
        this.rules = new Hl7FieldRules();
        this.freeText = freeText;
        this.scrubber = new Hl7FieldScrubber(identifierTypes, zipCodes, freeText);
    }

    /**
     * The message with its identifiers replaced. Segments may end in CR, LF or CRLF.
     *
     * @throws DeidentificationException when the text does not start with an MSH segment
     */
    public String deidentify(String message, DeidentificationSession session) {
        String framing = message.substring(0, message.length() - message.replaceFirst("^[\\s\\x0B\\uFEFF]+", "").length());
        List<String> pieces = Hl7Lines.split(message.substring(framing.length()));
        Hl7Delimiters delimiters = Hl7Delimiters.of(pieces.get(0));
        List<Hl7SegmentLine> segments = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i += 2) {
            segments.add(Hl7SegmentLine.parse(pieces.get(i), delimiters.field));
        }
        for (Hl7SegmentLine segment : segments) {
            if (segment != null) {
                structuredFields(segment, delimiters, session);
            }
        }
        StringBuilder out = new StringBuilder(message.length()).append(framing);
        for (int i = 0; i < pieces.size(); i += 2) {
            Hl7SegmentLine segment = segments.get(i / 2);
            if (segment != null) {
                textFields(segment, delimiters, session);
                out.append(segment.encode());
            } else {
                // Not a segment (a stray line, trailing framing): text of unknown shape, so the free-text pass.
                out.append(freeText.deidentify(pieces.get(i), session));
            }
            if (i + 1 < pieces.size()) {
                out.append(pieces.get(i + 1));
            }
        }
        return out.toString();
    }

    private void structuredFields(Hl7SegmentLine segment, Hl7Delimiters d, DeidentificationSession s) {
        for (int number = segment.firstField(); number <= segment.fieldCount(); number++) {
            Hl7FieldRules.Rule rule = rules.rule(segment.name(), number);
            if (rule.treatment().isStructured() && !segment.field(number).isEmpty()) {
                Hl7Field field = Hl7Field.parse(segment.field(number), d);
                if (rule.treatment() == Hl7FieldTreatment.REMOVE) {
                    s.countRemoved(rule.kind());
                    segment.setField(number, "");
                    continue;
                }
                scrubber.apply(rule, field, s);
                write(segment, number, field);
            }
        }
    }

    /** Free text, OBX-5, and the known names and ids anywhere else but the envelope. */
    private void textFields(Hl7SegmentLine segment, Hl7Delimiters d, DeidentificationSession s) {
        for (int number = segment.firstField(); number <= segment.fieldCount(); number++) {
            Hl7FieldTreatment treatment = rules.rule(segment.name(), number).treatment();
            if (treatment == Hl7FieldTreatment.ENVELOPE || segment.field(number).isEmpty()) {
                continue;
            }
            Hl7Field field = Hl7Field.parse(segment.field(number), d);
            if (treatment == Hl7FieldTreatment.OBSERVATION_VALUE) {
                observationValue(valueType(segment, d), field, s);
            } else if (treatment == Hl7FieldTreatment.KEEP || treatment.isStructured()) {
                // The components a structured rule keeps (a namespace, a type code) and fields that hold
                // no identifier still lose a name or id this message gave elsewhere.
                field.rewriteAll(text -> freeText.replaceKnown(text, s));
            } else {
                field.rewriteAll(text -> freeText.deidentify(text, s));
            }
            write(segment, number, field);
        }
    }

    /** OBX-5 read as OBX-2 says: text through the free-text pass, dates cut, embedded data dropped. */
    private void observationValue(String type, Hl7Field field, DeidentificationSession s) {
        Hl7FieldTreatment structured = STRUCTURED_VALUE_TYPES.get(type);
        if (structured != null) {
            scrubber.apply(new Hl7FieldRules.Rule(structured, IdentifierKind.OTHER_ID), field, s);
            return;
        }
        for (int rep = 0; rep < field.repetitionCount(); rep++) {
            switch (type) {
                case "RP" -> field.set(rep, 1, s.pseudonym(IdentifierKind.URL, field.text(rep, 1)));
                case "ED" -> embeddedData(field, rep, s);
                default -> {
                    if (DATE_TYPES.contains(type)) {
                        scrubber.date(field, rep, 1, false, s);
                    } else if (!NUMERIC_TYPES.contains(type)) {
                        for (int component = 1; component <= field.componentCount(rep); component++) {
                            field.rewriteComponent(rep, component, text -> freeText.deidentify(text, s));
                        }
                    }
                }
            }
        }
    }

    /** ED: source^type of data^subtype^encoding^data. The data (a scan, a photo, a PDF) is dropped whole. */
    private static void embeddedData(Hl7Field field, int rep, DeidentificationSession s) {
        if (field.text(rep, 5).isEmpty()) {
            return;
        }
        String subtype = field.text(rep, 3).toUpperCase(Locale.ROOT);
        boolean image = "IM".equalsIgnoreCase(field.text(rep, 2)) || IMAGE_SUBTYPES.contains(subtype)
                || subtype.startsWith("IMAGE");
        s.countRemoved(image ? IdentifierKind.PHOTO : IdentifierKind.BINARY_CONTENT);
        field.set(rep, 5, "");
    }

    private static String valueType(Hl7SegmentLine obx, Hl7Delimiters d) {
        if (obx.fieldCount() < 2) {
            return "";
        }
        return Hl7Field.parse(obx.field(2), d).text(0, 1).strip().toUpperCase(Locale.ROOT);
    }

    private static void write(Hl7SegmentLine segment, int number, Hl7Field field) {
        if (field.changed()) {
            segment.setField(number, field.encode());
        }
    }
}
