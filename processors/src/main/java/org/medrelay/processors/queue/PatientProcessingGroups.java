package org.medrelay.processors.queue;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.medrelay.processors.hl7.MedRelayHeaders;

/**
 * Gives each message bound for the processing queue the JMS group of its patient, one of a fixed number: the broker
 * then hands one patient's messages to one consumer at a time, in the order they came, while other patients' go to
 * the other consumers. The inbound queue cannot do this itself: its groups are the ingest lanes, few so that busy
 * traffic is stored in big batches, and as many queue messages can be processed at once as there are lanes.
 *
 * <p>A fixed number of groups, because the broker remembers every group it has seen on a queue; patients sharing a
 * group only share its order. A message queued without a patient (sent to the queue by hand, or stored before
 * {@link MedRelayHeaders#PATIENT_GROUP} was kept) stays in the group it had, which keeps the order it was stored in.
 */
public class PatientProcessingGroups {

    private final int groups;

    /** @param groups how many JMS groups the patients are spread over ({@code medrelay.hl7.processing.patient-groups}) */
    public PatientProcessingGroups(int groups) {
        if (groups < 1) {
            throw new IllegalArgumentException("patient groups must be at least 1");
        }
        this.groups = groups;
    }

    public void assign(Exchange exchange) {
        Message message = exchange.getMessage();
        String patient = message.getHeader(MedRelayHeaders.PATIENT_GROUP, String.class);
        if (patient != null) {
            message.setHeader(MedRelayHeaders.GROUP_ID, groupOf(patient));
        }
    }

    /** The processing group of a patient's key: the same key, the same group, on every engine sharing the queue. */
    String groupOf(String patient) {
        return "patients-" + Math.floorMod(patient.hashCode(), groups);
    }
}
