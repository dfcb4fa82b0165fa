package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.H2Defaults;

import java.nio.file.Path;

/**
 * The store of the engine a command is run with: the same configuration resolution as {@code medrelay run}
 * ({@code --config}, {@code MEDRELAY_CONFIG}, {@code ./application.properties}, the defaults' {@code ./data}),
 * so `errors` and `audit` read what that engine wrote. H2's AUTO_SERVER mode lets them in while it runs.
 */
final class EngineStore {

    private EngineStore() {
    }

    static HikariDataSource open(Path config) {
        return open(EngineProperties.load(ConfigFiles.resolve(config)));
    }

    static HikariDataSource open(EngineProperties props) {
        H2Defaults.bindToLoopback();
        return StoreDataSources.openAndMigrate(new StoreSettings(props.get("medrelay.store.url"),
                props.get("medrelay.store.user"), props.get("medrelay.store.password"), 2));
    }
}
