package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code medrelay priorauth cases}: one JSON line per open prior-auth case (not expired or withdrawn), soonest
 * deadline first, read straight from the engine's store as {@code work-items list} does. Each case shown is audited
 * as read by the operating-system user.
 */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "Open prior-authorization cases, one JSON line each, soonest deadline first: case, order, state, "
                + "payer, channel, service, serviceDate, nextDeadline, deadlineKind. Exit 3 when the store cannot be opened.")
final class PriorAuthCasesCommand implements Callable<Integer> {

    @Option(names = "--config", description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Override
    public Integer call() throws Exception {
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(config);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            AuditTrail trail = new AuditTrail(store);
            List<PriorAuthCase> cases = new PriorAuthCaseStore(store, trail, DecisionDeadlines.CMS_0057_F).openCases()
                    .stream().sorted(Comparator.comparing(c -> c.nextDeadline().map(PriorAuthCase.Deadline::at)
                            .orElse(Instant.MAX))).toList();
            String actor = AuditActors.osUser();
            Instant now = Instant.now();
            trail.append(cases.stream().map(c -> new AuditEvent(actor, AuditAction.READ, now,
                    AuditEvent.isPseudonymousKey(c.patientKey()) ? c.patientKey() : null, null, "prior-auth-case/" + c.id(),
                    AuditOutcome.SUCCESS, "prior-auth cases listed (cli)", "cli")).toList());
            cases.forEach(c -> System.out.println(json(c)));
            System.err.println(cases.size() + " open case(s)");
        }
        return CliErrors.EXIT_OK;
    }

    static String json(PriorAuthCase c) {
        Optional<PriorAuthCase.Deadline> next = c.nextDeadline();
        return "{\"case\":" + c.id()
                + ",\"order\":" + JsonStrings.quote(c.order())
                + ",\"state\":" + JsonStrings.quote(c.state().word())
                + ",\"payer\":" + (c.payerId() == null ? "null" : JsonStrings.quote(c.payerId()))
                + ",\"channel\":" + JsonStrings.quote(c.channel().word())
                + ",\"service\":" + JsonStrings.quote(c.serviceSystem() + " " + c.serviceCode())
                + ",\"serviceDate\":" + (c.serviceDate() == null ? "null" : JsonStrings.quote(c.serviceDate().toString()))
                + ",\"nextDeadline\":" + next.map(d -> JsonStrings.quote(d.at().toString())).orElse("null")
                + ",\"deadlineKind\":" + next.map(d -> JsonStrings.quote(d.kind().word())).orElse("null")
                + (c.authorization() == null ? "" : ",\"authorization\":" + JsonStrings.quote(c.authorization().number()))
                + "}";
    }
}
