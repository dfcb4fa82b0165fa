package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.refill.Chart;
import org.medrelay.processors.refill.ChartFact;
import org.medrelay.processors.refill.ChartReader;
import org.medrelay.processors.refill.RefillDecision;
import org.medrelay.processors.refill.RefillProtocols;
import org.medrelay.processors.refill.RefillRequests;
import org.medrelay.processors.refill.RefillSettings;
import org.medrelay.processors.refill.RefillTriage;
import org.medrelay.routes.engine.EhrClient;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PatientKeySecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "triage", description = "Triage refill requests (an HL7v2 OMP/RDE message or a FHIR MedicationRequest JSON) "
        + "against the refill protocols and the patient's chart in the EHR: one JSON line per request with class "
        + "(routine, needs-review, needs-visit), reasons and facts. Every chart read is audited as the person running it.")
final class RefillTriageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "an HL7v2 message or a FHIR MedicationRequest (or Bundle) in JSON")
    Path file;

    @Option(names = "--fhir-base-url", paramLabel = "URL", description = "the EHR's FHIR base URL (default: medrelay.fhir.base-url)")
    String fhirBaseUrl;

    @Option(names = "--protocols", paramLabel = "FILE", description = "a refill protocol table (default: medrelay.refill.protocols-file, else the built-in one)")
    Path protocols;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./application.properties or MEDRELAY_CONFIG)")
    Path config;

    @Override
    public Integer call() throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        RefillSettings settings = RefillSettings.from(props.asProperties()::getProperty);
        RefillProtocols table = RefillProtocols.load(protocols != null ? protocols : settings.protocolsFile());
        FhirContext fhir = FhirContext.forR4Cached();
        RefillRequests.Input input;
        try {
            input = new RefillRequests(fhir, new Hl7ToFhirMapper(), PatientKeySecret.load(props))
                    .read(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (Hl7InputException | IllegalArgumentException e) {
            System.err.println("medrelay: " + file.getFileName() + ": " + CliErrors.describe(e));
            return CliErrors.EXIT_FAILURE;
        }
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            IGenericClient ehr = EhrClient.create(props, fhir, fhirBaseUrl != null ? fhirBaseUrl : props.get("medrelay.fhir.base-url"));
            Clock clock = Clock.systemDefaultZone();
            ChartReader charts = new ChartReader(ehr, new AuditTrail(store), AuditActors.osUser(), clock);
            RefillTriage triage = new RefillTriage(table, clock);
            AuditSubject subject = new AuditSubject(input.patientKey(), input.sourceMessage(), "cli:refill-triage");
            ObjectMapper json = new ObjectMapper();
            try {
                Chart chart = charts.findPatient(input.requests().get(0), input.patient(), subject)
                        .map(patient -> read(charts, patient, subject)).orElse(Chart.missing());
                for (MedicationRequest request : input.requests()) {
                    System.out.println(json.writeValueAsString(asJson(triage.triage(request, chart))));
                }
            } catch (FhirClientConnectionException e) {
                System.err.println("medrelay: the EHR cannot be reached: " + CliErrors.describe(e));
                return CliErrors.EXIT_UNREACHABLE;
            }
        }
        return CliErrors.EXIT_OK;
    }

    private static Chart read(ChartReader charts, String patient, AuditSubject subject) {
        try {
            return charts.read(patient, subject);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the audit trail cannot be written", e);
        }
    }

    /** Exactly {@code class}, {@code reasons}, {@code facts}: the contract. */
    static Map<String, Object> asJson(RefillDecision decision) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", decision.refillClass().code());
        out.put("reasons", decision.reasons());
        List<Map<String, String>> facts = decision.facts().stream().map(RefillTriageCommand::fact).toList();
        out.put("facts", facts);
        return out;
    }

    private static Map<String, String> fact(ChartFact fact) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact", fact.fact());
        out.put("value", fact.value());
        if (fact.reference() != null) {
            out.put("reference", fact.reference());
        }
        return out;
    }
}
