package org.medrelay.routes.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.remittance.RemittanceFiles;
import org.medrelay.processors.remittance.StoredReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code medrelay remittance report}: the remittance reports the engine kept for the 835 files it took in, one JSON
 * line per transaction set (payer, payment, claims by category with counts and dollars), newest file first; a
 * quarantined or unfinished file is a line with its status and outcome. Reports hold no PHI, so reading them is not
 * audited.
 */
@Command(name = "remittance", mixinStandardHelpOptions = true,
        description = "The 835 remittance files the engine whose data is in ./data (or as configured) took in.")
final class RemittanceCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Option(names = "--config", scope = ScopeType.INHERIT,
            description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Command(name = "report", description = "One JSON line per 835 transaction set: payer, payment amount, method, date "
            + "and trace (BPR/TRN), claims by category with counts and dollars. Exit 1 when --file-id names no file, "
            + "3 when the store cannot be opened.")
    int report(@Option(names = "--file-id", paramLabel = "N", description = "only this file (its id in the store)") Long fileId,
               @Option(names = "--limit", defaultValue = "20", description = "the latest N files (default ${DEFAULT-VALUE})") int limit)
            throws Exception {
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(config);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            List<StoredReport> reports = new RemittanceFiles(store, Clock.systemUTC()).reports(Optional.ofNullable(fileId), limit);
            if (fileId != null && reports.isEmpty()) {
                System.err.println("medrelay: no remittance file with id " + fileId);
                return CliErrors.EXIT_FAILURE;
            }
            for (StoredReport report : reports) {
                System.out.println(line(report));
            }
            return CliErrors.EXIT_OK;
        }
    }

    static String line(StoredReport stored) throws Exception {
        ObjectNode line = JSON.getNodeFactory().objectNode();
        line.put("fileId", stored.fileId());
        line.put("file", stored.fileName());
        line.put("status", stored.status());
        line.put("received", stored.receivedAt().toString());
        if (stored.reportJson().isPresent()) {
            ObjectNode report = (ObjectNode) JSON.readTree(stored.reportJson().get());
            report.remove("fileId");
            report.remove("file");
            line.setAll(report);
        } else {
            line.put("outcome", stored.outcome());
        }
        return JSON.writeValueAsString(line);
    }
}
