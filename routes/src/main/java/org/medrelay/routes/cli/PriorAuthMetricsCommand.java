package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.cases.CaseHistoryEntry;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthMetrics;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code medrelay priorauth metrics}: open cases by state, time to decision by payer, deadlines met and missed, as
 * JSON lines, from the engine's case store and its history. Counts only, no patient data, so nothing is audited as read.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Prior-authorization metrics, one JSON line each: open cases by state (metric open-cases), hours from "
                + "submission to the payer's decision by payer (time-to-decision), deadlines met, missed and pending by kind "
                + "(deadline). Exit 3 when the store cannot be opened.")
final class PriorAuthMetricsCommand implements Callable<Integer> {

    @Option(names = "--config", description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Override
    public Integer call() throws Exception {
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(config);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            PriorAuthCaseStore cases = new PriorAuthCaseStore(store, new AuditTrail(store), DecisionDeadlines.CMS_0057_F);
            Map<PriorAuthCase, List<CaseHistoryEntry>> all = new LinkedHashMap<>();
            for (PriorAuthState state : PriorAuthState.values()) {
                for (PriorAuthCase c : cases.inState(state)) {
                    all.put(c, cases.history(c.id()));
                }
            }
            PriorAuthMetrics.Report report = new PriorAuthMetrics().of(all, Instant.now());
            report.openByState().forEach(s -> System.out.println("{\"metric\":\"open-cases\",\"state\":"
                    + JsonStrings.quote(s.state().word()) + ",\"cases\":" + s.cases() + "}"));
            report.timeToDecision().forEach(t -> System.out.println("{\"metric\":\"time-to-decision\",\"payer\":"
                    + JsonStrings.quote(t.payer()) + ",\"decided\":" + t.decided() + ",\"medianHours\":" + hours(t.medianHours())
                    + ",\"maxHours\":" + hours(t.maxHours()) + "}"));
            report.deadlines().forEach(d -> System.out.println("{\"metric\":\"deadline\",\"kind\":" + JsonStrings.quote(d.kind())
                    + ",\"met\":" + d.met() + ",\"missed\":" + d.missed() + ",\"pending\":" + d.pending() + "}"));
            System.err.println(all.size() + " case(s) read");
        }
        return CliErrors.EXIT_OK;
    }

    private static String hours(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
