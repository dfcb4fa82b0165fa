package org.medrelay.processors.priorauth.x12;

import org.apache.camel.Exchange;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.review.DraftReleaseException;
import org.medrelay.processors.review.WorkItemHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The release of a signed 278 request (x12-278 payers), in two steps around the SFTP upload of route
 * {@code priorauth-278-out}: {@link #prepare} checks the case still awaits its signature and that the 278 the clinician
 * signed (perhaps edited) is valid against 005010X217, and names the file; {@link #dropped}, once the file is in the
 * clearinghouse outbox, marks the case submitted (its CMS-0057-F decision clock starts) and audits the export. A failed
 * upload leaves the case awaiting signature and the work item approved with the failure, to be retried.
 */
public final class PriorAuth278Drop {

    private static final Logger LOG = LoggerFactory.getLogger(PriorAuth278Drop.class);
    private static final String INTERFACE = "priorauth-278-out";

    private final PriorAuthCaseStore cases;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public PriorAuth278Drop(PriorAuthCaseStore cases, AuditTrail trail, String actor, Clock clock) {
        this.cases = cases;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /** Body: the signed 278 text; becomes its bytes with {@code CamelFileName} set, or null when already sent. */
    public void prepare(Exchange exchange) throws Exception {
        long workItem = exchange.getMessage().getHeader(WorkItemHeaders.WORK_ITEM_ID, Long.class);
        Optional<PriorAuthCase> found = cases.bySignOffWorkItem(workItem);
        PriorAuthCase c = found.orElseThrow(() -> new DraftReleaseException("work item " + workItem + " signs off no prior-auth case"));
        if (c.state() != PriorAuthState.AWAITING_SIGNATURE) {
            LOG.info("Prior-auth case {} is {}: work item {} already released", c.id(), c.state().word(), workItem);
            exchange.getMessage().setBody(null);
            return;
        }
        if (c.channel() != SubmissionChannel.X12_278) {
            throw new DraftReleaseException("prior-auth case " + c.id() + " goes through " + c.channel().word() + ", not a 278");
        }
        byte[] x12 = exchange.getMessage().getMandatoryBody(String.class).getBytes(StandardCharsets.ISO_8859_1);
        X12ValidationReport report = new X12Validator().validate(new ByteArrayInputStream(x12));
        if (!report.valid()) {
            // the clinician may have edited the X12: a request the clearinghouse would reject is not sent
            throw new DraftReleaseException("prior-auth case " + c.id() + ": the signed 278 is not valid 005010X217 ("
                    + report.describe().stream().filter(l -> l.contains("IK") || l.contains("TA1")).count() + " finding(s)); not sent");
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "278-case" + c.id() + "-" + clock.millis() + ".x12");
        exchange.getMessage().setBody(x12);
    }

    /** After the upload: the case is submitted, the export audited. */
    public void dropped(Exchange exchange) throws SQLException {
        long workItem = exchange.getMessage().getHeader(WorkItemHeaders.WORK_ITEM_ID, Long.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        PriorAuthCase c = cases.bySignOffWorkItem(workItem).orElseThrow();
        PriorAuthCase submitted = cases.submitted(c.id(), null, actor, clock.instant());
        trail.append(AuditEvent.of(actor, AuditAction.EXPORT, clock.instant(),
                new AuditSubject(submitted.patientKey(), null, INTERFACE), "prior-auth-case/" + c.id(), AuditOutcome.SUCCESS,
                "278 request in " + fileName));
        LOG.info("Prior-auth case {}: 278 request dropped in the clearinghouse outbox as {} (work item {})", c.id(), fileName, workItem);
    }
}
