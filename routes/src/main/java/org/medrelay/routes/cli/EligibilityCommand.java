package org.medrelay.routes.cli;

import picocli.CommandLine.Command;

@Command(name = "eligibility", description = "Eligibility checks (X12 270/271 005010X279A1).",
        mixinStandardHelpOptions = true,
        subcommands = {EligibilityRequestCommand.class, EligibilityRecheckCommand.class})
final class EligibilityCommand {
}
