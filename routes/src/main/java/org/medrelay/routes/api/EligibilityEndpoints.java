package org.medrelay.routes.api;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.eligibility.EligibilityRecheck;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.FhirEligibilityFeed;
import org.medrelay.processors.eligibility.StoredRequest;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;

/**
 * {@code POST /api/work-items/{id}/recheck-eligibility}: on a front-desk eligibility gap, ask the payer again (after the
 * patient says the coverage was fixed, or the payer's answer looks wrong). The check behind the item's
 * CoverageEligibilityResponse is replaced by one due now ({@link EligibilityRecheck}, audited as REPROCESS under the
 * caller's account). Whoever may act on the item may ask; the item itself stays as it is.
 *
 * <p>{@code POST /api/eligibility/fhir-notification}: where an EHR's FHIR Subscription (rest-hook) says something
 * changed. The body is not trusted or needed: the FHIR feed polls at once ({@link FhirEligibilityFeed#poll}), reading
 * from its watermark what it would have read at its next poll, so a notification lost costs only time.
 */
final class EligibilityEndpoints {

    private final WorkItemStore items;
    private final EligibilityRequests requests;
    private final EligibilityRecheck recheck;
    private final FhirEligibilityFeed feed;
    private final boolean feedEnabled;
    private final ApiAudit audit;

    EligibilityEndpoints(WorkItemStore items, EligibilityRequests requests, EligibilityRecheck recheck, FhirEligibilityFeed feed,
                         boolean feedEnabled, ApiAudit audit) {
        this.items = items;
        this.requests = requests;
        this.recheck = recheck;
        this.feed = feed;
        this.feedEnabled = feedEnabled;
        this.audit = audit;
    }

    void fhirNotification(ApiExchange exchange) throws Exception {
        if (!feedEnabled) {
            throw new ApiProblem(409, "conflict", "The FHIR eligibility feed is off (medrelay.eligibility.fhir-feed.enabled)");
        }
        int taken = feed.poll();
        audit.succeeded(exchange.caller(), AuditAction.RECEIVE, "fhir-notification/eligibility",
                "FHIR eligibility feed polled on notification: " + taken + " resource version(s) taken in");
        exchange.ok(ApiExchange.JSON.createObjectNode().put("taken", taken));
    }

    void recheck(ApiExchange exchange) throws Exception {
        long id = exchange.pathId("id");
        WorkItem item = items.find(id).orElseThrow(() -> ApiProblem.notFound("There is no work item " + id));
        Permissions.requireItem(exchange.caller(), item);
        if (!WorkItemType.ELIGIBILITY_GAP.equals(item.type())) {
            throw ApiProblem.badRequest("Work item " + id + " is a " + item.type().code() + ", not an eligibility-gap");
        }
        String response = item.links().stream().filter(l -> l.kind() == WorkItemLink.Kind.FHIR_RESOURCE).map(WorkItemLink::reference)
                .findFirst().orElseThrow(() -> ApiProblem.notFound("Work item " + id + " links no eligibility response"));
        StoredRequest earlier = requests.byResponse(response).orElseThrow(() -> new ApiProblem(409, "conflict",
                "The check behind work item " + id + " was already replaced by a newer one"));
        StoredRequest again = recheck.askAgain(earlier, exchange.caller().username(), ApiAudit.INTERFACE, exchange.caller().flag());
        exchange.send(202, ApiExchange.JSON.createObjectNode().put("workItem", id).put("request", again.id())
                .put("replaces", earlier.id()).put("status", again.status().name()).put("dueAt", again.check().dueAt().toString())
                .toString());
    }
}
