package org.medrelay.routes.cli;

import picocli.CommandLine.Command;

@Command(name = "hl7", description = "Work with HL7v2 messages.",
        mixinStandardHelpOptions = true,
        subcommands = {Hl7ToFhirCommand.class, Hl7SendCommand.class})
final class Hl7Command {
}
