package org.medrelay.routes.cli;

import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.MedRelayEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Start the engine (embedded defaults unless configured otherwise); "
        + "state is kept under ./data of the working directory.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", description = "application.properties to use (default: ./application.properties "
            + "if present, or MEDRELAY_CONFIG)")
    Path config;

    @Override
    public Integer call() throws Exception {
        MedRelayEngine engine = new MedRelayEngine(EngineProperties.load(ConfigFiles.resolve(config))).start();
        engine.awaitShutdown();
        return CliErrors.EXIT_OK;
    }
}
