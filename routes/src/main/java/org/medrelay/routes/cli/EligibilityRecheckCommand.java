package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.eligibility.EligibilityRecheck;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.StoredRequest;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PayloadEncryptionKeys;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code medrelay eligibility recheck}: the front desk asks again about a check the store already holds, past "never
 * twice for the same patient, payer and date". Works on the engine's store like {@code work-items list}; the running
 * engine sends the new check in its next 270 file. Audited as REPROCESS by the operating-system user.
 */
@Command(name = "recheck", description = "Ask the payer again: the check that counts for the patient, payer and date "
        + "of this request is replaced by one due now, sent in the engine's next 270 file. Prints the new request: "
        + "id, status, due, visit date, payer.")
final class EligibilityRecheckCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--request", paramLabel = "ID", description = "the eligibility request's id (eligibility-request/ID)")
        Long id;

        @Option(names = "--trace", paramLabel = "TRN02", description = "its trace number, as on the CoverageEligibilityResponse's "
                + "identifier urn:medrelay:x12:270-trace")
        String trace;
    }

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./application.properties or MEDRELAY_CONFIG)")
    Path config;

    @Override
    public Integer call() throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            Clock clock = Clock.systemUTC();
            EligibilityRequests requests = new EligibilityRequests(store, PayloadEncryptionKeys.forTools(props), clock);
            Optional<Long> id = which.id != null ? Optional.of(which.id) : requests.byTrace(which.trace).map(StoredRequest::id);
            Optional<StoredRequest> earlier = id.isEmpty() ? Optional.empty() : requests.counting(id.get());
            if (earlier.isEmpty()) {
                System.err.println("medrelay: no eligibility request " + (which.id != null ? which.id : "with trace " + which.trace)
                        + " that still counts (superseded or cancelled ones are replaced by a newer check: ask about that one)");
                return CliErrors.EXIT_FAILURE;
            }
            StoredRequest again = new EligibilityRecheck(requests, new AuditTrail(store), clock)
                    .askAgain(earlier.get(), AuditActors.osUser(), "cli", null);
            System.out.println(TabSeparated.line("ID", "STATUS", "DUE", "VISIT", "PAYER"));
            System.out.println(TabSeparated.line(String.valueOf(again.id()), again.status().name(), again.check().dueAt().toString(),
                    again.check().visit().date().toString(), again.check().payer().id()));
            System.err.println("asked again: eligibility-request/" + again.id() + " replaces eligibility-request/" + earlier.get().id());
        }
        return CliErrors.EXIT_OK;
    }
}
