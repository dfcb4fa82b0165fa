package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "to-fhir", description = "Map an HL7v2 message to a FHIR R4 transaction Bundle (JSON on stdout). "
        + "A file holding several messages prints one Bundle per line.")
final class Hl7ToFhirCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "HL7v2 message file (CR, LF or CRLF segment separators)")
    Path file;

    @Option(names = "--mappings", description = "folder of mapping overrides (hl7/message, hl7/resource)")
    Path mappings;

    @Override
    public Integer call() throws Exception {
        List<byte[]> messages = Hl7MessageFiles.split(Files.readAllBytes(file), file.toString());
        Hl7ToFhirMapper mapper = mappings == null ? new Hl7ToFhirMapper() : new Hl7ToFhirMapper(mappings);
        IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(messages.size() == 1);
        for (byte[] message : messages) {
            Bundle bundle = mapper.toBundle(message);
            System.out.println(json.encodeResourceToString(bundle));
        }
        return CliErrors.EXIT_OK;
    }
}
