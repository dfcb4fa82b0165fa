package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.NoValidation;

import java.nio.charset.Charset;

/**
 * Reads one HL7v2 message, any version from 2.1 to 2.8.1 and later, into a HAPI {@link Message}.
 * The model is HAPI's generic one (every segment a flat list of fields, no version-specific
 * structure classes), so unknown versions, Z-segments and segments in unexpected places parse as
 * they are. Validation is off: a receiving engine must accept what real senders send and report
 * problems by location, not reject on the first optional field out of profile. Thread-safe.
 */
public final class Hl7Parser {

    private final Hl7Limits limits;
    private final Hl7MessageNormalizer normalizer;
    private final PipeParser pipeParser;

    public Hl7Parser() {
        this(Hl7Limits.DEFAULT);
    }

    public Hl7Parser(Hl7Limits limits) {
        this.limits = limits;
        this.normalizer = new Hl7MessageNormalizer(limits);
        HapiContext context = new DefaultHapiContext();
        context.setModelClassFactory(new GenericModelClassFactory());
        context.setValidationContext(new NoValidation());
        context.getParserConfiguration().setAllowUnknownVersions(true);
        context.getParserConfiguration().setEscaping(new Hl7Escaping());
        this.pipeParser = context.getPipeParser();
    }

    /** Parses raw bytes, decoding them with the charset {@link Hl7Charsets#detect} finds. */
    public Message parse(byte[] raw) throws Hl7InputException {
        if (raw.length > 4L * limits.maxMessageChars()) {
            // Refused before decoding: no character set packs more than 4 bytes in a character.
            throw new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "message is longer than the limit of " + limits.maxMessageChars() + " characters");
        }
        Charset charset = Hl7Charsets.detect(raw);
        return parse(new String(raw, charset));
    }

    /** Parses one message; segments may end in CR, LF or CRLF. */
    public Message parse(String text) throws Hl7InputException {
        Hl7MessageText message = normalizer.normalize(text);
        return parseNormalized(message);
    }

    private Message parseNormalized(Hl7MessageText message) throws Hl7InputException {
        try {
            return pipeParser.parse(message.text());
        } catch (HL7Exception e) {
            ErrorCode code = e.getError() == null ? ErrorCode.APPLICATION_INTERNAL_ERROR : e.getError();
            var location = e.getLocation();
            String segment = location == null || location.getSegmentName() == null ? null : location.getSegmentName();
            int repetition = location == null ? 0 : Math.max(location.getSegmentRepetition(), 0);
            int field = location == null ? 0 : Math.max(location.getField(), 0);
            throw new Hl7InputException(code, "HAPI could not read the message structure", segment,
                    repetition, field, RedactedCause.of(e));
        } catch (StackOverflowError | RuntimeException e) {
            // The normalizer keeps fuzzer input out; this is the last guard should HAPI still trip on one.
            throw new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "HAPI failed on the message (" + e.getClass().getSimpleName() + ")", null, 0, 0,
                    RedactedCause.of(e));
        }
    }
}
