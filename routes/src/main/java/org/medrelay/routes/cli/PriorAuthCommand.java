package org.medrelay.routes.cli;

import picocli.CommandLine.Command;

@Command(name = "priorauth", description = "Prior authorization: which orders need the payer's authorization, and how to ask for it.",
        mixinStandardHelpOptions = true,
        subcommands = {PriorAuthCheckCommand.class, PriorAuthCasesCommand.class, PriorAuthDraftCommand.class, PriorAuthMetricsCommand.class})
final class PriorAuthCommand {
}
