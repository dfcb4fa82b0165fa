package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.medrelay.processors.priorauth.PriorAuthCheck;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.PriorAuthRequirements;
import org.medrelay.processors.priorauth.X12PriorAuthRequestWriter;
import org.medrelay.processors.priorauth.x12.Clearinghouse278Writer;
import org.medrelay.mappings.x12.SequentialControlNumbers;
import org.medrelay.processors.priorauth.letter.PriorAuthCoverLetter;
import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftResult;
import org.medrelay.processors.drafting.DraftingAudit;
import org.medrelay.processors.drafting.DraftingModel;
import org.medrelay.processors.drafting.TemplateDraftingModel;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PatientKeySecret;
import java.time.Clock;
import org.medrelay.processors.priorauth.pas.ChartFacts;
import org.medrelay.processors.priorauth.pas.ChartFactsGatherer;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code medrelay priorauth draft FILE}: the request for each order of FILE that needs authorization, in its payer's
 * channel: the Da Vinci PAS Bundle (JSON) for fhir-pas; the 278 for x12-278
 * ({@link X12PriorAuthRequestWriter}, with the eligibility trading partners of {@code --config}); a cover letter for portal and fax payers. Orders that need none are named on stderr with the reason. A draft is for a
 * person to read and sign: nothing is sent.
 */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Draft the prior-authorization request for each order in FILE that needs one, in the payer's channel: "
                + "the Da Vinci PAS Bundle (JSON) for fhir-pas, the X12 278 for x12-278, a cover letter for portal and fax. Nothing is sent. Exit 1 with a "
                + "one-line reason when no request can be drafted.")
final class PriorAuthDraftCommand implements Callable<Integer> {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Parameters(paramLabel = "FILE", description = "an HL7v2 order message, or FHIR JSON (an order resource or a Bundle)")
    Path file;

    @Option(names = "--requirements", paramLabel = "FILE", description = "the practice's requirements table instead of the shipped example")
    Path requirements;

    @Option(names = "--ehr", paramLabel = "URL", description = "the EHR's FHIR base URL to read the chart facts from "
            + "(conditions, observations, medication history, procedures, encounters); without it only the orders' "
            + "own reasons are referenced")
    String ehr;

    @Option(names = "--lookback-days", defaultValue = "365", description = "how far back chart facts are read (default ${DEFAULT-VALUE})")
    int lookbackDays;

    @Option(names = "--facts-per-kind", defaultValue = "10", description = "at most this many facts of each kind (default ${DEFAULT-VALUE})")
    int perKind;

    @Option(names = "--config", description = "application.properties of the engine, for the cover letter: its store "
            + "audits the draft and its patient-key secret names the patient (default: ./application.properties if present)")
    Path config;

    @Option(names = "--expedited", description = "ask for an expedited decision (72 hours under CMS-0057-F, instead of 7 days)")
    boolean expedited;

    /** The exit code when a draft could not be made: 1, or 3 when the store was needed and could not be opened. */
    private int exit = CliErrors.EXIT_FAILURE;

    @Override
    public Integer call() throws Exception {
        PriorAuthCheck check = new PriorAuthCheck(requirements == null ? PriorAuthRequirements.shipped()
                : PriorAuthRequirements.fromFile(requirements));
        List<String> drafts = new ArrayList<>();
        try {
            for (Bundle orders : OrderFiles.read(file)) {
                for (PriorAuthDecision decision : check.check(orders)) {
                    if (!decision.required()) {
                        System.err.println("medrelay: order " + decision.order() + ": no authorization needed: " + decision.reason());
                        continue;
                    }
                    Optional<String> draft = draft(orders, decision);
                    if (draft.isEmpty()) {
                        return exit;
                    }
                    drafts.add(draft.get());
                }
            }
        } catch (DataFormatException notFhir) {
            System.err.println("medrelay: " + file + ": neither an HL7v2 message (MSH) nor FHIR JSON: "
                    + CliErrors.describe(notFhir).replaceAll("HAPI-\\d+: ", ""));
            return CliErrors.EXIT_FAILURE;
        } catch (IllegalArgumentException refused) {
            System.err.println("medrelay: " + file + ": " + CliErrors.describe(refused));
            return CliErrors.EXIT_FAILURE;
        }
        if (drafts.isEmpty()) {
            System.err.println("medrelay: " + file + ": no order in the file needs authorization; nothing to draft");
            return CliErrors.EXIT_FAILURE;
        }
        drafts.forEach(System.out::println);
        return CliErrors.EXIT_OK;
    }

    /** The request in the decision's channel, or empty after saying on stderr why there is none. */
    private Optional<String> draft(Bundle orders, PriorAuthDecision decision) {
        switch (decision.channel()) {
            case FHIR_PAS -> {
                Bundle pas = new PasRequestBuilder().build(orders, decision, chartFacts(orders), expedited,
                        decision.order(), LocalDate.now());
                return Optional.of(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(pas));
            }
            case X12_278 -> {
                // not sent, so control numbers count from 1 and the trace names the order (the engine's names the case)
                EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
                X12PriorAuthRequestWriter writer = Clearinghouse278Writer.fromProperties(props.asProperties()::getProperty,
                        new SequentialControlNumbers(1), Clock.systemUTC());
                return Optional.of(writer.write(orders, decision, Clearinghouse278Writer.TRACE_PREFIX + decision.order()));
            }
            default -> {
                return coverLetter(orders, decision);
            }
        }
    }

    /**
     * Portal and fax payers: the cover letter from the prior-auth-request template, audited in the engine's store
     * as every draft is (exit 3 when the store cannot be opened).
     */
    private Optional<String> coverLetter(Bundle orders, PriorAuthDecision decision) {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            exit = CliErrors.EXIT_UNREACHABLE;
            return Optional.empty();
        }
        try (HikariDataSource store = opened.get()) {
            Patient patient = orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no Patient in the file for the letter"));
            String patientKey = PatientKeySecret.load(props).keyOf(patient.getIdentifierFirstRep().getSystem() + ":"
                    + patient.getIdentifierFirstRep().getValue());
            DraftingModel model = new TemplateDraftingModel(null, new DraftingAudit(new AuditTrail(store), Clock.systemUTC()));
            DraftResult letter = new PriorAuthCoverLetter(model).draft(orders, decision, patientKey, LocalDate.now());
            if (!letter.missingValues().isEmpty()) {
                System.err.println("medrelay: order " + decision.order() + ": " + letter.missingValues().size()
                        + " value(s) missing from the letter, marked in it: " + String.join(", ", letter.missingValues()));
            }
            return Optional.of(letter.text());
        }
    }

    private ChartFacts chartFacts(Bundle orders) {
        if (ehr == null) {
            return ChartFacts.NONE;
        }
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = FHIR.newRestfulGenericClient(ehr);
        Patient patient = orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Patient in the file to read the chart of"));
        if (!patient.getIdElement().hasIdPart()) {
            throw new IllegalArgumentException("the Patient has no id: the EHR's chart cannot be read for it");
        }
        return new ChartFactsGatherer(client, lookbackDays, perKind, 100).gather("Patient/" + patient.getIdElement().getIdPart(),
                LocalDate.now());
    }
}
