package org.medrelay.processors.hl7;

/** Camel message headers and exchange properties set by MedRelay's HL7v2 beans. */
public final class MedRelayHeaders {

    /** sending application | sending facility | MSH-10: the key a message is processed once under. */
    public static final String DEDUP_KEY = "MedRelayDedupKey";
    /** MSH-10, for logs and the error store (an id, not PHI). */
    public static final String CONTROL_ID = "MedRelayControlId";
    /** MSH-9 type and event, e.g. {@code ADT^A04}. */
    public static final String MESSAGE_TYPE = "MedRelayMessageType";
    /** Character set the raw bytes were decoded with (from MSH-18). */
    public static final String CHARSET = "MedRelayCharset";
    /** Inbound interface (route id) the message came in on. */
    public static final String INTERFACE = "MedRelayInterface";
    /** Set when a message is put back on the queue from the error store: the error id. */
    public static final String REPROCESS_OF = "MedRelayReprocessOf";
    /** Set by the registrar when a message was processed before: the rest of the route skips it. */
    public static final String ALREADY_PROCESSED = "MedRelayAlreadyProcessed";
    /** Number of FHIR resources written for the message. */
    public static final String RESOURCES_WRITTEN = "MedRelayResourcesWritten";
    /** JMS message grouping: the broker hands one group's messages to one consumer, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /**
     * The patient a message is about (the keyed hash of PID-3), kept beside {@link #GROUP_ID}: on the inbound queue
     * the JMS group is the ingest lane's, and processing groups messages by this again.
     */
    public static final String PATIENT_GROUP = "MedRelayPatientGroup";
    /** Artemis duplicate detection (Message.HDR_DUPLICATE_DETECTION_ID): a resent message is stored once. */
    public static final String BROKER_DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Exchange property holding the {@link org.medrelay.mappings.hl7v2.Hl7MessageHeader} of an accepted message. */
    public static final String HL7_HEADER_PROPERTY = "MedRelayHl7Header";

    /**
     * Exchange property holding a queued message's bytes as received, once opened: the error handlers of processing
     * work on the original (sealed) queue message, and store these instead.
     */
    public static final String RAW_MESSAGE_PROPERTY = "MedRelayRawMessage";

    private MedRelayHeaders() {
    }
}
