package org.medrelay.routes.cli;

import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.processors.priorauth.PriorAuthCheck;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.PriorAuthRequirements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code medrelay priorauth check FILE}: one JSON line per order in the file with {@code required}, {@code reason},
 * {@code channel} and {@code rule} (the requirements-table line that decided), then {@code order} and {@code service}.
 * FILE is an HL7v2 order (ORM^O01, OMG^O19, OMP^O09, RDE^O11; mapped as the engine maps it, IN1 giving the payer)
 * or FHIR JSON: a ServiceRequest, MedicationRequest or DeviceRequest, or a Bundle holding them with their Coverage.
 */
@Command(name = "check", description = "Check the orders in FILE against the payer requirements table: one JSON line "
        + "per order with required, reason, channel, rule, order and service. Exit 1 with a one-line reason when the file "
        + "holds no order that can be checked.", mixinStandardHelpOptions = true)
final class PriorAuthCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "an HL7v2 order message, or FHIR JSON (an order resource or a Bundle)")
    Path file;

    @Option(names = "--requirements", paramLabel = "FILE",
            description = "the practice's requirements table instead of the shipped example (same columns)")
    Path requirements;

    @Override
    public Integer call() throws Exception {
        PriorAuthCheck check = new PriorAuthCheck(requirements == null ? PriorAuthRequirements.shipped()
                : PriorAuthRequirements.fromFile(requirements));
        List<PriorAuthDecision> decisions = new ArrayList<>();
        try {
            for (Bundle orders : OrderFiles.read(file)) {
                decisions.addAll(check.check(orders));
            }
        } catch (DataFormatException notFhir) {
            System.err.println("medrelay: " + file + ": neither an HL7v2 message (MSH) nor FHIR JSON: "
                    + CliErrors.describe(notFhir).replaceAll("HAPI-\\d+: ", ""));
            return CliErrors.EXIT_FAILURE;
        } catch (IllegalArgumentException refused) {
            System.err.println("medrelay: " + file + ": " + CliErrors.describe(refused));
            return CliErrors.EXIT_FAILURE;
        }
        decisions.forEach(decision -> System.out.println(json(decision)));
        return CliErrors.EXIT_OK;
    }

    private static String json(PriorAuthDecision decision) {
        return "{\"required\":" + decision.required()
                + ",\"reason\":" + JsonStrings.quote(decision.reason())
                + ",\"channel\":" + JsonStrings.quote(decision.channel().word())
                + ",\"rule\":" + JsonStrings.quote(decision.rule())
                + ",\"order\":" + JsonStrings.quote(decision.order())
                + ",\"service\":" + JsonStrings.quote(decision.service().system() + " " + decision.service().code()) + "}";
    }
}
