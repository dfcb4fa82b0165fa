package org.medrelay.processors.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a mapped Bundle to the EHR ({@link FhirBundleWriter}) and records every request in the audit trail:
 * each resource created or updated, and the request that failed, against the patient and source message
 * of the exchange's {@link AuditSubject}. The entries of one write are appended together, after it, so a
 * write costs one store transaction however many resources it has.
 */
public class AuditedFhirWriter {

    private final FhirBundleWriter writer;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    /** @param actor who the entries name, e.g. {@code system:hl7-process} */
    public AuditedFhirWriter(FhirBundleWriter writer, AuditTrail trail, String actor, Clock clock) {
        this.writer = writer;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /** @return the server ids (Type/id) written, in order */
    public List<String> write(@Body Bundle bundle,
                              @ExchangeProperty(AuditSubject.EXCHANGE_PROPERTY) AuditSubject subject) throws SQLException {
        Recorder recorder = new Recorder(subject == null ? AuditSubject.NONE : subject);
        List<String> written;
        try {
            written = writer.write(bundle, recorder);
        } catch (RuntimeException e) {
            try {
                trail.append(recorder.events);
            } catch (SQLException | RuntimeException auditFailure) {
                e.addSuppressed(auditFailure);
            }
            throw e;
        }
        trail.append(recorder.events);
        return written;
    }

    /** Turns each EHR request into an audit event as it completes. */
    private final class Recorder implements FhirWriteListener {

        private final AuditSubject subject;
        private final List<AuditEvent> events = new ArrayList<>();

        Recorder(AuditSubject subject) {
            this.subject = subject;
        }

        @Override
        public void written(FhirWrite write) {
            AuditAction action = write.interaction() == FhirInteraction.UPDATE ? AuditAction.UPDATE : AuditAction.CREATE;
            String reason = write.interaction() == FhirInteraction.MATCH ? "already existed; nothing written" : null;
            events.add(AuditEvent.of(actor, action, clock.instant(), subject, write.serverId(), AuditOutcome.SUCCESS,
                    reason));
        }

        @Override
        public void failed(String resourceType, FhirInteraction attempted, RuntimeException cause) {
            AuditAction action = attempted == FhirInteraction.UPDATE ? AuditAction.UPDATE : AuditAction.CREATE;
            events.add(AuditEvent.of(actor, action, clock.instant(), subject, resourceType, AuditOutcome.FAILURE,
                    reasonOf(cause)));
        }
    }

    /**
     * The HTTP status or the kind of failure; never the EHR's message text, which may quote the resource
     * (an OperationOutcome repeating a birth date it refused).
     */
    static String reasonOf(RuntimeException cause) {
        // HAPI reports an EHR it cannot reach as a response exception with status 500; say what happened.
        if (cause instanceof FhirClientConnectionException) {
            return cause.getClass().getSimpleName();
        }
        if (cause instanceof BaseServerResponseException response) {
            return "EHR answered HTTP " + response.getStatusCode();
        }
        return cause.getClass().getSimpleName();
    }
}
