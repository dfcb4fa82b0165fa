package org.medrelay.routes.cli;

import picocli.CommandLine.Command;

@Command(name = "refill", description = "Refill requests: triage against the refill protocols and the chart.",
        mixinStandardHelpOptions = true,
        subcommands = {RefillTriageCommand.class})
final class RefillCommand {
}
