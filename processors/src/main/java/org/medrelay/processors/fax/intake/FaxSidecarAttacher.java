package org.medrelay.processors.fax.intake;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The SFTP route's {@code pollEnrich} of the fax's sidecar: puts the sidecar's text, when the fax server left one, in
 * the header {@value #HEADER} and keeps the fax as the message. No sidecar (the poll timed out) is no header.
 */
public class FaxSidecarAttacher implements AggregationStrategy {

    public static final String HEADER = "MedRelayFaxSidecar";

    @Override
    public Exchange aggregate(Exchange fax, Exchange sidecar) {
        if (sidecar != null && sidecar.getMessage().getBody() != null) {
            fax.getMessage().setHeader(HEADER, sidecar.getMessage().getBody(String.class));
        }
        return fax;
    }
}
