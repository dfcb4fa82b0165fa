package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.referral.IntakeRules;
import org.medrelay.processors.referral.ReferralDecision;
import org.medrelay.processors.referral.ReferralLoop;
import org.medrelay.processors.referral.ReferralLoops;
import org.medrelay.processors.referral.ReferralSettings;
import org.medrelay.processors.referral.ReferralStage;
import org.medrelay.processors.referral.ReferralTracker;
import org.medrelay.processors.referral.ReferralTriage;
import org.medrelay.routes.engine.EngineProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Command(name = "referrals", description = "Referral tracking: inbound triage, outbound loops until the report comes back.",
        mixinStandardHelpOptions = true)
final class ReferralsCommand {

    /** SNOMED CT 3457005 "Patient referral": the category that makes a FHIR ServiceRequest a referral. */
    static final String REFERRAL_CATEGORY = "3457005";

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "configuration file (default: ./application.properties or MEDRELAY_CONFIG)")
    Path config;

    @Command(name = "status", description = "One JSON line per open referral loop, oldest first: referral, patient (the "
            + "pseudonymous key), direction, stage, since, nextFollowUp (null once alerted), followUpsSent, stalled, specialty, "
            + "serviceRequest. Audited as the person running it.")
    int status() throws Exception {
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(EngineProperties.load(ConfigFiles.resolve(config)));
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        ObjectMapper json = new ObjectMapper();
        try (HikariDataSource store = opened.get()) {
            AuditTrail trail = new AuditTrail(store);
            String actor = AuditActors.osUser();
            List<ReferralLoop> loops = new ReferralLoops(store).open();
            for (ReferralLoop loop : loops) {
                trail.append(AuditEvent.of(actor, AuditAction.READ, Instant.now(), AuditSubject.patient(loop.patient().pseudonymKey()),
                        "referral-loop/" + loop.id(), AuditOutcome.SUCCESS, null));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("referral", loop.referralId());
                line.put("patient", loop.patient().pseudonymKey());
                line.put("direction", ReferralLoops.OUTBOUND);
                line.put("stage", loop.stage().code());
                line.put("since", loop.stageAt().toString());
                line.put("nextFollowUp", loop.nextFollowUp() == null ? null : loop.nextFollowUp().toString());
                line.put("followUpsSent", loop.followUpsSent());
                line.put("stalled", loop.alertedAt() != null);
                line.put("specialty", loop.specialty());
                line.put("serviceRequest", loop.serviceRequest());
                System.out.println(json.writeValueAsString(line));
            }
            System.err.println(loops.size() + " open referral loop(s)");
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "mark", description = "Move an outbound referral loop to a later stage (acknowledged by fax or call, "
            + "scheduled, seen, report-received, which closes it). Audited as the person running it.")
    int mark(@Parameters(index = "0", paramLabel = "REFERRAL", description = "the referral's id (RF1-6)") String referral,
             @Parameters(index = "1", paramLabel = "STAGE", description = "acknowledged, scheduled, seen or report-received") String stage)
            throws Exception {
        Optional<ReferralStage> to = ReferralStage.of(stage);
        if (to.isEmpty() || to.get() == ReferralStage.SENT) {
            System.err.println("medrelay: STAGE must be acknowledged, scheduled, seen or report-received");
            return CliErrors.EXIT_FAILURE;
        }
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            ReferralTracker tracker = new ReferralTracker(new ReferralLoops(store),
                    ReferralSettings.from(props.asProperties()::getProperty), new AuditTrail(store), Clock.systemUTC());
            ReferralTracker.Move move = tracker.mark(referral, to.get(), AuditActors.osUser(), null);
            String said = switch (move) {
                case MOVED -> null;
                case UNKNOWN_REFERRAL -> "no outbound referral loop " + referral;
                case CLOSED -> "referral loop " + referral + " is closed";
                case NOT_LATER -> "referral loop " + referral + " is already at or past " + to.get().code();
                case CHANGED_MEANWHILE -> "referral loop " + referral + " changed meanwhile; look again";
            };
            if (said != null) {
                System.err.println("medrelay: " + said);
                return CliErrors.EXIT_FAILURE;
            }
            System.out.println(referral + " " + to.get().code());
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "triage", description = "Triage an inbound referral (an HL7v2 REF^I12, or a FHIR ServiceRequest with the "
            + "referral category, alone or in a Bundle with its Coverage) against the intake rules: one JSON line with "
            + "outcome (schedule, missing-information, not-accepted), priority, specialty, missing and reasons.")
    int triage(@Parameters(index = "0", paramLabel = "FILE", description = "the referral") Path file,
               @Option(names = "--rules", paramLabel = "FILE", description = "an intake rules table (default: "
                       + "medrelay.referrals.intake-rules-file, else the built-in one)") Path rules) throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        IntakeRules table = IntakeRules.load(rules != null ? rules
                : ReferralSettings.from(props.asProperties()::getProperty).intakeRulesFile());
        Bundle bundle;
        try {
            bundle = read(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (Hl7InputException | DataFormatException | IllegalArgumentException e) {
            System.err.println("medrelay: " + file.getFileName() + ": " + CliErrors.describe(e));
            return CliErrors.EXIT_FAILURE;
        }
        Optional<ServiceRequest> referral = first(bundle, ServiceRequest.class);
        if (referral.isEmpty()) {
            System.err.println("medrelay: " + file.getFileName() + ": no referral (a REF^I12, or a ServiceRequest with "
                    + "category SNOMED CT " + REFERRAL_CATEGORY + ")");
            return CliErrors.EXIT_FAILURE;
        }
        ReferralDecision decision = new ReferralTriage(table).triage(referral.get(), first(bundle, Coverage.class));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("outcome", decision.outcome().code());
        line.put("priority", decision.priority().fhirCode());
        line.put("specialty", decision.specialty());
        line.put("missing", decision.missing());
        line.put("reasons", decision.reasons());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return CliErrors.EXIT_OK;
    }

    /** An HL7v2 message mapped as hl7-process maps it, or FHIR JSON; only ServiceRequests with the referral category count. */
    private static Bundle read(String text) throws Hl7InputException {
        if (!text.stripLeading().startsWith("{")) {
            return new Hl7ToFhirMapper().toBundle(text);
        }
        IBaseResource parsed = FhirContext.forR4Cached().newJsonParser().parseResource(text);
        Bundle bundle;
        if (parsed instanceof Bundle b) {
            bundle = b;
        } else if (parsed instanceof Resource r) {
            bundle = new Bundle();
            bundle.addEntry().setResource(r);
        } else {
            throw new IllegalArgumentException("not a FHIR R4 resource");
        }
        bundle.getEntry().removeIf(e -> e.getResource() instanceof ServiceRequest s && s.getCategory().stream()
                .flatMap(c -> c.getCoding().stream()).noneMatch(c -> REFERRAL_CATEGORY.equals(c.getCode())));
        return bundle;
    }

    private static <T extends Resource> Optional<T> first(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst();
    }
}
