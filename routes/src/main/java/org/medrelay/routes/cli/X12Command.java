package org.medrelay.routes.cli;

import picocli.CommandLine.Command;

@Command(name = "x12", description = "Work with ASC X12 5010 files (270/271 eligibility, 999 and TA1 acknowledgments).",
        mixinStandardHelpOptions = true,
        subcommands = {X12ValidateCommand.class, X12ReadCommand.class})
final class X12Command {
}
