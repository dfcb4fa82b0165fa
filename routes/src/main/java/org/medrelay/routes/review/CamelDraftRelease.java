package org.medrelay.routes.review;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.URISupport;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.DraftRelease;
import org.medrelay.processors.review.DraftReleaseException;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemHeaders;
import org.medrelay.processors.review.WorkflowProperties;

/**
 * Releases an approved draft to the Camel endpoint of its workflow ({@code medrelay.workflow.<name>.release-uri}):
 * the draft's bytes as the body, its content type as {@code Content-Type}, and the {@link WorkItemHeaders}. The
 * release counts as done when the endpoint returns without an exception, so the endpoint should be one that
 * confirms (a direct: route to SFTP, the EHR, a JMS queue); a seda: queue is in memory and loses what it holds
 * when the engine stops.
 */
public final class CamelDraftRelease implements DraftRelease {

    private final WorkflowProperties workflows;
    private volatile CamelContext camelContext;
    private ProducerTemplate producer;

    public CamelDraftRelease(WorkflowProperties workflows) {
        this.workflows = workflows;
    }

    /** The engine's Camel, once it exists; until then releases fail and are retried. */
    public void useCamelContext(CamelContext context) {
        this.camelContext = context;
    }

    @Override
    public void release(WorkItem item, Draft draft) throws DraftReleaseException {
        ProducerTemplate template = producer();
        String uri = workflows.settingsFor(item.workflow()).releaseUri();
        Exchange result = template.send(uri, ExchangePattern.InOnly, exchange -> {
            Message message = exchange.getMessage();
            message.setBody(draft.payload());
            message.setHeader(Exchange.CONTENT_TYPE, draft.contentType());
            message.setHeader(WorkItemHeaders.WORK_ITEM_ID, item.id());
            message.setHeader(WorkItemHeaders.WORKFLOW, item.workflow());
            message.setHeader(WorkItemHeaders.WORK_ITEM_TYPE, item.type().code());
            message.setHeader(WorkItemHeaders.WORK_QUEUE, item.queue().name());
            message.setHeader(WorkItemHeaders.DECISION, item.decision() == null ? null : item.decision().kind().name());
            message.setHeader(WorkItemHeaders.PATIENT_KEY, item.patient().pseudonymKey());
        });
        Exception failure = result.getException();
        if (failure != null) {
            // The sanitised URI (no passwords) and the exception class: the exception's message can quote the body.
            throw new DraftReleaseException("release to " + URISupport.sanitizeUri(uri) + " failed: "
                    + failure.getClass().getSimpleName(), failure);
        }
    }

    /** Made on first use: when the engine binds this, Camel is configured but not started. */
    private synchronized ProducerTemplate producer() throws DraftReleaseException {
        if (producer == null) {
            CamelContext context = camelContext;
            if (context == null || !context.isStarted()) {
                throw new DraftReleaseException("the engine has not started Camel yet");
            }
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
