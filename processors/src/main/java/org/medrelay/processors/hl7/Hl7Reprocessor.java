package org.medrelay.processors.hl7;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.medrelay.mappings.hl7v2.Hl7Charsets;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.store.ErrorStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts messages from the error store back on the inbound queue when someone asked for it
 * ({@code medrelay errors reprocess ID}). The request is a row in the store, so it works whether the
 * CLI ran while the engine was up or not.
 */
public class Hl7Reprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7Reprocessor.class);

    /** One error-store row to put back on the queue. */
    public record ReprocessRequest(long errorId, byte[] rawMessage) {
    }

    private static final int BATCH = 100;

    private final ErrorStore errorStore;
    private final PatientKeys patientKeys;
    private final Clock clock;

    /** @param patientKeys the same keys as the inbound check's, so a reprocessed message joins its patient's group */
    public Hl7Reprocessor(ErrorStore errorStore, PatientKeys patientKeys, Clock clock) {
        this.errorStore = errorStore;
        this.patientKeys = patientKeys;
        this.clock = clock;
    }

    public List<ReprocessRequest> pending() throws Exception {
        List<ReprocessRequest> requests = new ArrayList<>();
        for (long id : errorStore.reprocessRequests(BATCH)) {
            errorStore.rawMessage(id).ifPresent(raw -> requests.add(new ReprocessRequest(id, raw)));
        }
        return requests;
    }

    /** Sets the body to the original bytes and the headers the processing route expects. */
    public void prepare(Exchange exchange) {
        ReprocessRequest request = exchange.getMessage().getBody(ReprocessRequest.class);
        Message message = exchange.getMessage();
        Charset charset = Hl7Charsets.detect(request.rawMessage());
        Hl7MessageHeader header = Hl7MessageHeader.scan(new String(request.rawMessage(), charset));
        message.setBody(request.rawMessage());
        message.setHeader(MedRelayHeaders.REPROCESS_OF, request.errorId());
        message.setHeader(MedRelayHeaders.CHARSET, charset.name());
        message.setHeader(MedRelayHeaders.INTERFACE, "errors-reprocess");
        message.setHeader(MedRelayHeaders.DEDUP_KEY, header.deduplicationKey());
        message.setHeader(MedRelayHeaders.CONTROL_ID, header.controlId());
        message.setHeader(MedRelayHeaders.MESSAGE_TYPE, header.messageTypeAndEvent());
        String patient = header.patientGroup(patientKeys);
        message.setHeader(MedRelayHeaders.GROUP_ID, patient);
        message.setHeader(MedRelayHeaders.PATIENT_GROUP, patient);
        // A fresh broker duplicate id: the original one is still in Artemis's duplicate cache.
        message.setHeader(MedRelayHeaders.BROKER_DUPLICATE_ID, "reprocess:" + request.errorId() + ":" + clock.millis());
        LOG.info("Error #{} (HL7v2 message {}) put back on the inbound queue for reprocessing", request.errorId(),
                header.controlId());
    }

    public void done(Exchange exchange) throws Exception {
        errorStore.markReprocessed(exchange.getMessage().getHeader(MedRelayHeaders.REPROCESS_OF, Long.class),
                clock.instant());
    }
}
