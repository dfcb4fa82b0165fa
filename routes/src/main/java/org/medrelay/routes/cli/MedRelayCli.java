package org.medrelay.routes.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code medrelay}: the engine and the tools an interface engineer uses around it.
 * Data goes to stdout, diagnostics to stderr, so commands compose in scripts.
 */
@Command(name = "medrelay",
        mixinStandardHelpOptions = true,
        version = "MedRelay 0.1.0",
        description = "HL7v2/FHIR/X12 integration engine on Apache Camel.",
        subcommands = {
                RunCommand.class,
                DemoCommand.class,
                Hl7Command.class,
                X12Command.class,
                DenialsCommand.class,
                EligibilityCommand.class,
                PriorAuthCommand.class,
                ErrorsCommand.class,
                MessagesCommand.class,
                KeysCommand.class,
                AuditCommand.class,
                UsersCommand.class,
                WorkItemsCommand.class,
                RemittanceCommand.class,
                RefillCommand.class,
                WaitlistCommand.class,
                NoShowCommand.class,
                ReferralsCommand.class,
                FaxCommand.class
        })
public final class MedRelayCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command in this JVM and returns its exit code, without exiting: for tests and embedding. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new MedRelayCli());
        // Users get a short reason, not a stack trace; the exit code tells scripts it failed.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("medrelay: " + CliErrors.describe(e));
            return CliErrors.EXIT_FAILURE;
        });
        return commandLine.execute(args);
    }
}
