package org.medrelay.processors.eligibility;

import org.apache.camel.Exchange;
import org.medrelay.mappings.x12.ControlNumbers;
import org.medrelay.mappings.x12.Eligibility270Writer;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Batches due eligibility checks into one 270 file for the clearinghouse (one 005010X279A1 interchange per request,
 * control numbers from the store): a file once {@code batchSize} checks are due, or once {@code interval} has passed
 * since the last file and any is due. The route drops the file in the outbox, then calls {@link #sent}, which marks
 * the requests SENT and audits each as an export of the patient's data.
 */
public class EligibilityBatch {

    /** Header naming the clearinghouse a request-out route drops to. */
    public static final String CLEARINGHOUSE_HEADER = "MedRelayClearinghouse";
    private static final Logger LOG = LoggerFactory.getLogger(EligibilityBatch.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private final EligibilityRequests requests;
    private final EligibilitySettings settings;
    private final ControlNumbers controlNumbers;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;
    private final int batchSize;
    private final Duration interval;
    private final PayerClearinghouses routing;
    private final Map<String, Instant> lastFile = new HashMap<>();

    public EligibilityBatch(EligibilityRequests requests, EligibilitySettings settings, ControlNumbers controlNumbers,
                            AuditTrail trail, String actor, Clock clock, int batchSize, Duration interval) {
        this(requests, settings, PayerClearinghouses.none(), controlNumbers, trail, actor, clock, batchSize, interval);
    }

    /** @param routing which clearinghouse each payer's requests go through */
    public EligibilityBatch(EligibilityRequests requests, EligibilitySettings settings, PayerClearinghouses routing,
                            ControlNumbers controlNumbers, AuditTrail trail, String actor, Clock clock, int batchSize, Duration interval) {
        this.routing = routing;
        this.requests = requests;
        this.settings = settings;
        this.controlNumbers = controlNumbers;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
        this.batchSize = batchSize;
        this.interval = interval;
    }

    /**
     * Sets the body to the next file's bytes and {@code CamelFileName}, or the body to null when no file is due, for
     * the clearinghouse the route drops to (header {@value #CLEARINGHOUSE_HEADER}, else the default).
     */
    public void prepare(Exchange exchange) throws SQLException {
        Optional<BatchFile> file = next(exchange.getMessage().getHeader(CLEARINGHOUSE_HEADER, EligibilitySettings.DEFAULT_CLEARINGHOUSE,
                String.class));
        exchange.getMessage().setBody(file.map(BatchFile::content).orElse(null));
        file.ifPresent(f -> {
            exchange.getMessage().setHeader(Exchange.FILE_NAME, f.fileName());
            exchange.setProperty(BatchFile.EXCHANGE_PROPERTY, f);
        });
    }

    synchronized Optional<BatchFile> next() throws SQLException {
        return next(EligibilitySettings.DEFAULT_CLEARINGHOUSE);
    }

    /** The next file for this clearinghouse: its payers' due requests, by count or once the interval has passed. */
    synchronized Optional<BatchFile> next(String clearinghouse) throws SQLException {
        Instant now = clock.instant();
        List<StoredRequest> due = requests.due(now, batchSize, routing.payers(clearinghouse),
                EligibilitySettings.DEFAULT_CLEARINGHOUSE.equals(clearinghouse));
        if (due.isEmpty() || due.size() < batchSize && now.isBefore(lastFile.getOrDefault(clearinghouse, Instant.MIN).plus(interval))) {
            return Optional.empty();
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        List<BatchFile.SentRequest> sent = new ArrayList<>();
        for (StoredRequest request : due) {
            RecordingControlNumbers numbers = new RecordingControlNumbers(controlNumbers);
            EligibilityInquiry inquiry = inquiry(request);
            content.writeBytes(new Eligibility270Writer(numbers, clock).write(inquiry,
                    settings.partnersFor(clearinghouse, inquiry.payer().id()), settings.delimiters(clearinghouse)));
            sent.add(new BatchFile.SentRequest(request, numbers.lastEnvelope()));
        }
        lastFile.put(clearinghouse, now);
        String name = "270-" + STAMP.format(now) + "-" + sent.get(0).envelope().interchange() + ".x12";
        return Optional.of(new BatchFile(name, content.toByteArray(), sent));
    }

    private EligibilityInquiry inquiry(StoredRequest request) {
        EligibilityCheck check = request.check();
        EligibilityInquiry.InformationSource configured = settings.payer(check.payer().id());
        EligibilityInquiry.InformationSource payer = configured.name().equals(check.payer().id()) ? check.payer() : configured;
        return new EligibilityInquiry(payer, settings.provider(), check.subscriber(), Optional.ofNullable(check.dependent()),
                settings.serviceTypes(), check.visit().date(), request.traceNumber(), settings.traceOriginator());
    }

    /** After the file is in the outbox: each request SENT with its envelope, and its export audited. */
    public void sent(Exchange exchange) throws SQLException {
        BatchFile file = exchange.getProperty(BatchFile.EXCHANGE_PROPERTY, BatchFile.class);
        List<AuditEvent> events = new ArrayList<>();
        for (BatchFile.SentRequest sent : file.requests()) {
            requests.sent(sent.request().id(), sent.envelope(), file.fileName());
            EligibilityCheck check = sent.request().check();
            events.add(AuditEvent.of(actor, AuditAction.EXPORT, clock.instant(),
                    new AuditSubject(check.patientKey(), check.sourceMessageKey(), "eligibility-request-out"),
                    "eligibility-request/" + sent.request().id(), AuditOutcome.SUCCESS, "270 ISA13 " + sent.envelope().interchange()
                            + " in " + file.fileName()));
        }
        trail.append(events);
        LOG.info("270 file {} dropped in the clearinghouse outbox ({}) with {} request(s)", file.fileName(),
                exchange.getMessage().getHeader(CLEARINGHOUSE_HEADER, EligibilitySettings.DEFAULT_CLEARINGHOUSE, String.class),
                file.requests().size());
    }
}
