package org.medrelay.routes.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.fax.FaxClassifier;
import org.medrelay.processors.fax.FaxReader;
import org.medrelay.processors.fax.FaxSettings;
import org.medrelay.routes.engine.EngineProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code medrelay fax classify FILE...}: one JSON line per fax with exactly file, type, confidence, triage, fields and
 * reasons, in that order (a contract scripts rely on). A fax that cannot be read is still a line: type other,
 * confidence 0, triage true, the reason in reasons. A file that does not exist is named on stderr and the exit code is 1.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Read and classify faxes (text PDFs by text extraction, image PDFs and TIFFs by OCR): one JSON line per "
                + "file with file, type (lab-result, imaging-report, referral, prior-auth-response, records-request, "
                + "refill-request, billing, marketing, other), confidence (0 to 1), triage (true when it would go to the "
                + "triage queue), fields and reasons. Exit 1 when a file does not exist.")
final class FaxClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "fax files, PDF or TIFF")
    List<Path> files;

    @Option(names = "--config", paramLabel = "FILE",
            description = "engine properties with medrelay.fax.* settings (default: MEDRELAY_CONFIG or ./application.properties)")
    Path config;

    @Option(names = "--triage-below", paramLabel = "CONFIDENCE",
            description = "triage a fax classified below this confidence (default: medrelay.fax.triage-below, shipped 0.80)")
    Double triageBelow;

    @Override
    public Integer call() throws Exception {
        EngineProperties properties = EngineProperties.load(ConfigFiles.resolve(config));
        FaxSettings settings = FaxSettings.fromProperties(properties.asProperties()::getProperty);
        if (triageBelow != null) {
            settings = settings.withTriageBelow(triageBelow);
        }
        FaxReader reader = new FaxReader(settings);
        FaxClassifier classifier = FaxClassifier.shipped(settings);
        int exit = CliErrors.EXIT_OK;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                System.err.println("medrelay: " + file + ": no such file");
                exit = CliErrors.EXIT_FAILURE;
                continue;
            }
            System.out.println(jsonLine(file, classifier.classify(reader.read(file))));
        }
        return exit;
    }

    static String jsonLine(Path file, FaxClassification result) throws JsonProcessingException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("type", result.type().word());
        line.put("confidence", result.confidence());
        line.put("triage", result.triage());
        line.put("fields", result.fields().asMap());
        line.put("reasons", result.reasons());
        return JSON.writeValueAsString(line);
    }
}
