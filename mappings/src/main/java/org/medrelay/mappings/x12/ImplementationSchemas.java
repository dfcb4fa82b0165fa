package org.medrelay.mappings.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The StAEDI schemas MedRelay validates with, from {@code x12/schemas/} on the classpath: the 00501
 * interchange control structure (with TA1) and one implementation schema per transaction set and guide,
 * named {@code <transaction>.<version>.<guide>.xml}. A guide is matched on its prefix, so 005010X279
 * (sent by some trading partners without the addenda suffix) is validated against 005010X279A1, 005010X221
 * against 005010X221A1, and an 837P of 005010X222A2 against 005010X222A1 (the addenda do not change the loops).
 */
public final class ImplementationSchemas {

    private static final String FOLDER = "x12/schemas/";
    /** Transaction set id and guide prefix to schema file. */
    private static final Map<String, String> SHIPPED = Map.of(
            "270 005010X279", "270.5010.X279A1.xml",
            "271 005010X279", "271.5010.X279A1.xml",
            // request and response in one schema: StAEDI picks it at ST, before BHT02 tells them apart
            "278 005010X217", "278.5010.X217.xml",
            "835 005010X221", "835.5010.X221A1.xml",
            "837 005010X222", "837.5010.X222A1.xml",
            "837 005010X223", "837.5010.X223A2.xml",
            "999 005010X231", "999.5010.X231A1.xml");
    /**
     * StAEDI logs, at INFO on java.util.logging, every type an included file defines that a schema does not
     * use; segments.5010.xml holds the segments of both 270 and 271, so each load would print a dozen lines
     * on the CLI's stderr. Held here so the level set survives garbage collection of the logger.
     */
    private static final java.util.logging.Logger SCHEMA_READER_LOG = quiet("io.xlate.edi.internal.schema.SchemaReaderBase");
    private static final ImplementationSchemas INSTANCE = new ImplementationSchemas(true);
    private static final ImplementationSchemas ENVELOPE_ONLY = new ImplementationSchemas(false);

    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();
    private final boolean guides;

    private ImplementationSchemas(boolean guides) {
        this.guides = guides;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public static ImplementationSchemas shipped() {
        return INSTANCE;
    }

    /**
     * The interchange control schema only: envelopes, control numbers and counts are still checked, transaction
     * sets are not validated against their guides. For a second read of a file already validated (StAEDI's
     * implementation-schema validation is most of the cost of reading an 835).
     */
    public static ImplementationSchemas envelopeOnly() {
        return ENVELOPE_ONLY;
    }

    /** The 005010 interchange control schema (ISA version 00501). */
    Schema interchange00501() {
        return load("interchange.00501.xml");
    }

    /** The schema for a transaction set id (ST01) and guide (ST03 or GS08), if MedRelay has one. */
    public Optional<String> guideFor(String transactionSetId, String guide) {
        if (!guides) {
            return Optional.empty();
        }
        return SHIPPED.entrySet().stream()
                .filter(e -> e.getKey().equals(transactionSetId + " " + prefix(guide)))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The loaded schema for a transaction set id (ST01) and guide (ST03 or GS08), if MedRelay has one. */
    public Optional<Schema> forTransaction(String transactionSetId, String guide) {
        return guideFor(transactionSetId, guide).map(this::load);
    }

    private static String prefix(String guide) {
        return guide.length() >= 10 ? guide.substring(0, 10) : guide;
    }

    private Schema load(String file) {
        return loaded.computeIfAbsent(file, name -> {
            URL url = ImplementationSchemas.class.getClassLoader().getResource(FOLDER + name);
            if (url == null) {
                throw new IllegalStateException("X12 schema missing from the classpath: " + FOLDER + name);
            }
            try {
                SchemaFactory factory = SchemaFactory.newFactory();
                // relative <include schemaLocation="segments.5010.xml"/> resolves beside the schema, in a jar too
                factory.setProperty(SchemaFactory.SCHEMA_LOCATION_URL_CONTEXT, url);
                return factory.createSchema(url);
            } catch (EDISchemaException e) {
                throw new IllegalStateException("X12 schema " + name + " is invalid: " + e.getMessage(), e);
            }
        });
    }
}
