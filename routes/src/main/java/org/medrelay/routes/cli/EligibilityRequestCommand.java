package org.medrelay.routes.cli;

import org.medrelay.mappings.x12.Eligibility270Writer;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.mappings.x12.SequentialControlNumbers;
import org.medrelay.processors.eligibility.EligibilitySettings;
import org.medrelay.routes.engine.EngineProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "request", description = "Print the 270 for one patient and coverage, with the configured trading "
        + "partners (medrelay.eligibility.clearinghouse.* and payer.<id>.*), delimiters and provider. Nothing is sent.")
final class EligibilityRequestCommand implements Callable<Integer> {

    @Option(names = "--patient-json", required = true, paramLabel = "FILE",
            description = "the patient and coverage: payer, subscriber, optional dependent, serviceTypes, dateOfService, traceNumber")
    Path patientJson;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./application.properties or MEDRELAY_CONFIG)")
    Path config;

    @Option(names = "--control-number", paramLabel = "N", defaultValue = "1",
            description = "ISA13/GS06/ST02 of the 270 (default: ${DEFAULT-VALUE}); the engine keeps its own in the store")
    long controlNumber;

    @Override
    public Integer call() throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        EligibilitySettings settings = new EligibilitySettings(props.asProperties()::getProperty);
        EligibilityInquiry inquiry = PatientCoverageJson.read(patientJson, settings);
        byte[] x12 = new Eligibility270Writer(new SequentialControlNumbers(controlNumber), Clock.systemDefaultZone())
                .write(inquiry, settings.partnersFor(inquiry.payer().id()), settings.delimiters());
        System.out.print(new String(x12, StandardCharsets.ISO_8859_1));
        return CliErrors.EXIT_OK;
    }
}
