package org.medrelay.routes.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.noshow.AppointmentEvents;
import org.medrelay.processors.noshow.NoShowMetric;
import org.medrelay.routes.engine.EngineProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Command(name = "no-show", description = "No-show recovery figures.", mixinStandardHelpOptions = true)
final class NoShowCommand {

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "configuration file (default: ./application.properties or MEDRELAY_CONFIG)")
    Path config;

    @Command(name = "metrics", description = "One JSON line per provider and visit type: appointments seen, no-shows, "
            + "cancellations, noShowRate, slotsFreed, slotsOffered, slotsRefilled. Counts and provider ids only, no patient.")
    int metrics() throws Exception {
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(EngineProperties.load(ConfigFiles.resolve(config)));
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        ObjectMapper json = new ObjectMapper();
        try (HikariDataSource store = opened.get()) {
            for (NoShowMetric m : new AppointmentEvents(store).metrics()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("provider", m.providerId());
                line.put("visitType", m.visitType());
                line.put("appointments", m.appointments());
                line.put("noShows", m.noShows());
                line.put("cancellations", m.cancellations());
                line.put("noShowRate", Math.round(m.noShowRate() * 1000) / 1000.0);
                line.put("slotsFreed", m.slotsFreed());
                line.put("slotsOffered", m.slotsOffered());
                line.put("slotsRefilled", m.slotsRefilled());
                System.out.println(json.writeValueAsString(line));
            }
        }
        return CliErrors.EXIT_OK;
    }
}
