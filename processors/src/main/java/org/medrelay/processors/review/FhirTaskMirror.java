package org.medrelay.processors.review;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;

/**
 * Writes work items to the EHR as FHIR Tasks: every item changed since the EHR last got it, with a conditional
 * update on the work item id ({@code PUT Task?identifier=<system>|<id>}), so a Task is created once and then
 * updated in place, and a retry never duplicates it.
 *
 * <p>An EHR that refuses Task (4xx: not supported, forbidden, invalid) is skipped gracefully: the status code is
 * logged and kept with the item, which is not offered again until it changes. An EHR that is down or failing
 * (5xx, no connection) stops this round; everything waiting is tried on the next. Logs carry work item ids and
 * status codes, never the EHR's answer, which can quote the resource.
 */
public class FhirTaskMirror {

    private static final Logger LOG = LoggerFactory.getLogger(FhirTaskMirror.class);

    private final IGenericClient ehr;
    private final WorkItemTaskMapper mapper;
    private final TaskMirrorLedger ledger;
    private final int batch;

    /** @param batch most items written per round ({@code medrelay.work-items.task-sync-batch}) */
    public FhirTaskMirror(IGenericClient ehr, WorkItemTaskMapper mapper, TaskMirrorLedger ledger, int batch) {
        this.ehr = ehr;
        this.mapper = mapper;
        this.ledger = ledger;
        this.batch = batch;
    }

    /** @return how many Tasks the EHR took this round */
    public int push() throws SQLException {
        List<WorkItem> pending = ledger.pendingPush(batch);
        int written = 0;
        for (WorkItem item : pending) {
            try {
                MethodOutcome outcome = ehr.update().resource(mapper.toTask(item))
                        .conditionalByUrl(mapper.conditionalUrl(item.id())).execute();
                ledger.markPushed(item.id(), item.version(), taskIdOf(outcome));
                written++;
            } catch (FhirClientConnectionException e) {
                LOG.warn("EHR unreachable while mirroring work item {} as a Task; {} items wait for the next round",
                        item.id(), pending.size() - written);
                break;
            } catch (BaseServerResponseException e) {
                if (e.getStatusCode() >= 500) {
                    LOG.warn("EHR answered HTTP {} to the Task for work item {}; {} items wait for the next round",
                            e.getStatusCode(), item.id(), pending.size() - written);
                    break;
                }
                ledger.markRefused(item.id(), item.version(), e.getStatusCode());
                LOG.warn("EHR refused the Task for work item {} with HTTP {}; the work item goes on without its Task",
                        item.id(), e.getStatusCode());
            }
        }
        if (written > 0) {
            LOG.debug("Mirrored {} work items to the EHR as Tasks", written);
        }
        return written;
    }

    private static String taskIdOf(MethodOutcome outcome) {
        return outcome.getId() == null ? null : outcome.getId().toUnqualifiedVersionless().getValue();
    }
}
