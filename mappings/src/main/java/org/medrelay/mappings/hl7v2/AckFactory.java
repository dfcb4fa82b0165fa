package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Builds original-mode acknowledgements (AA, AE, AR) in the sender's version and delimiters.
 * The ERR segment follows the version: v2.5 and later use ERR-2 (location), ERR-3 (HL7 table 0357
 * code) and ERR-4 (severity); earlier versions put all of it in ERR-1 (ELD).
 */
public final class AckFactory {

    private static final DateTimeFormatter HL7_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final String SEGMENT_SEPARATOR = "\r";

    private final String applicationName;
    private final String facilityName;

    /**
     * @param applicationName MSH-3 of our ACKs when the inbound MSH-5 is empty
     * @param facilityName    MSH-4 of our ACKs when the inbound MSH-6 is empty
     */
    public AckFactory(String applicationName, String facilityName) {
        this.applicationName = applicationName;
        this.facilityName = facilityName;
    }

    public String accept(Hl7MessageHeader inbound, String ackControlId, ZonedDateTime now) {
        return build(inbound, AcknowledgmentCode.AA, null, ackControlId, now);
    }

    /**
     * A negative ACK for a refused message: AR when the envelope itself is unusable (MSH, version,
     * message type), AE when the content is at fault.
     */
    public String refuse(Hl7MessageHeader inbound, Hl7InputException error, String ackControlId, ZonedDateTime now) {
        return build(inbound, codeFor(error.getErrorCode()), error, ackControlId, now);
    }

    /** AR without content error: the message was not stored (e.g. the broker is down); the sender should resend. */
    public String unavailable(Hl7MessageHeader inbound, String ackControlId, ZonedDateTime now) {
        Hl7InputException error = new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR,
                "message not stored: receiving system temporarily unavailable, resend later");
        return build(inbound, AcknowledgmentCode.AR, error, ackControlId, now);
    }

    static AcknowledgmentCode codeFor(ErrorCode code) {
        return switch (code) {
            case UNSUPPORTED_MESSAGE_TYPE, UNSUPPORTED_EVENT_CODE, UNSUPPORTED_PROCESSING_ID,
                 UNSUPPORTED_VERSION_ID, SEGMENT_SEQUENCE_ERROR -> AcknowledgmentCode.AR;
            default -> AcknowledgmentCode.AE;
        };
    }

    private String build(Hl7MessageHeader in, AcknowledgmentCode code, Hl7InputException error,
                         String ackControlId, ZonedDateTime now) {
        char fs = in.fieldSeparator();
        EncodingCharacters encoding = new EncodingCharacters(fs, in.encodingCharacters());
        String version = in.version().isEmpty() ? "2.5" : in.version();
        StringBuilder ack = new StringBuilder(256);
        ack.append("MSH").append(fs).append(in.encodingCharacters())
                .append(fs).append(orDefault(in.receivingApplication(), applicationName))
                .append(fs).append(orDefault(in.receivingFacility(), facilityName))
                .append(fs).append(in.sendingApplication())
                .append(fs).append(in.sendingFacility())
                .append(fs).append(HL7_TIMESTAMP.format(now))
                .append(fs)
                .append(fs).append("ACK").append(in.componentSeparator()).append(in.triggerEvent())
                .append(version.compareTo("2.3.1") >= 0 ? in.componentSeparator() + "ACK" : "")
                .append(fs).append(ackControlId)
                .append(fs).append(in.processingId().isEmpty() ? "P" : in.processingId())
                .append(fs).append(version);
        if (!in.characterSet().isEmpty()) {
            ack.append(String.valueOf(fs).repeat(6)).append(in.characterSet());
        }
        ack.append(SEGMENT_SEPARATOR);
        ack.append("MSA").append(fs).append(code.name()).append(fs).append(in.controlId());
        if (error != null) {
            ack.append(fs).append(Escape.escape(error.getMessage(), encoding));
        }
        ack.append(SEGMENT_SEPARATOR);
        if (error != null) {
            appendErr(ack, in, error, encoding, version);
        }
        return ack.toString();
    }

    private static void appendErr(StringBuilder ack, Hl7MessageHeader in, Hl7InputException error,
                                  EncodingCharacters encoding, String version) {
        char fs = in.fieldSeparator();
        char cs = encoding.getComponentSeparator();
        char ss = encoding.getSubcomponentSeparator();
        String segment = error.getSegment() == null ? "" : error.getSegment();
        String location = segment + cs + (segment.isEmpty() ? "" : error.getSegmentRepetition())
                + cs + (error.getField() > 0 ? error.getField() : "");
        String code = String.valueOf(error.getErrorCode().getCode());
        String codeText = error.getErrorCode().getMessage();
        String reason = Escape.escape(error.getMessage(), encoding);
        ack.append("ERR").append(fs);
        if (version.compareTo("2.5") >= 0) {
            // ERR-2 error location, ERR-3 HL7 error code (CWE, table 0357), ERR-4 severity, ERR-8 user message
            ack.append(fs).append(location)
                    .append(fs).append(code).append(cs).append(codeText).append(cs).append("HL70357")
                    .append(fs).append("E")
                    .append(fs).append(fs).append(fs).append(fs).append(reason);
        } else {
            // ERR-1 ELD: segment id ^ sequence ^ field position ^ code (CE as subcomponents)
            ack.append(location).append(cs)
                    .append(code).append(ss).append(codeText).append(ss).append("HL70357");
        }
        ack.append(SEGMENT_SEPARATOR);
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
