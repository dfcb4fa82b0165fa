package org.medrelay.routes.cli;

import picocli.CommandLine.Command;

@Command(name = "fax", description = "Work with inbound faxes (PDF or TIFF): read, classify, extract key fields.",
        mixinStandardHelpOptions = true,
        subcommands = {FaxClassifyCommand.class})
final class FaxCommand {
}
