package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.routes.engine.EngineProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An engine's configuration and store on disk, as the commands that read the store are given them (--config): the
 * test fills the store, runs the command, and reads back what it recorded.
 */
final class EngineOnDisk {

    private EngineOnDisk() {
    }

    /** {@code dir/application.properties} naming {@code dir/data} as the engine's data folder, plus {@code moreLines}. */
    static Path config(Path dir, String... moreLines) throws IOException {
        Path config = dir.resolve("application.properties");
        StringBuilder text = new StringBuilder("medrelay.data.dir=" + dir.resolve("data").toString().replace('\\', '/') + "\n");
        for (String line : moreLines) {
            text.append(line).append('\n');
        }
        Files.writeString(config, text);
        return config;
    }

    /** The store that configuration names, migrated. */
    static HikariDataSource openStore(Path config) {
        EngineProperties props = EngineProperties.load(config);
        return StoreDataSources.openAndMigrate(new StoreSettings(props.get("medrelay.store.url"),
                props.get("medrelay.store.user"), props.get("medrelay.store.password"), 2));
    }
}
