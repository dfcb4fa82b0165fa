package org.medrelay.karaf.engine;

import org.osgi.service.cm.ManagedService;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receives PID {@code org.medrelay.engine} from config admin and hands the engine its configuration: the
 * engine's own defaults, Karaf's defaults below, and the PID's {@code medrelay.*} and {@code camel.*} keys over
 * them. Called at start and on every change ({@code config:property-set}, an edited cfg file), so a change
 * applies without restarting Karaf.
 */
final class EngineConfiguration implements ManagedService {

    /**
     * Camel Main's route discovery, off: routes come from bundles' {@code MedRelay-Routes} headers, and Camel's
     * classpath scan for {@code camel.main.routes-include-pattern} cannot list the entries of a bundle.
     */
    static final String ROUTES_COLLECTOR = "camel.main.routes-collector-enabled";

    private final KarafEngineLifecycle lifecycle;
    private final KarafLocations locations;

    EngineConfiguration(KarafEngineLifecycle lifecycle, KarafLocations locations) {
        this.lifecycle = lifecycle;
        this.locations = locations;
    }

    @Override
    public void updated(Dictionary<String, ?> properties) {
        lifecycle.configure(engineSettings(properties, locations));
    }

    static Map<String, String> engineSettings(Dictionary<String, ?> properties, KarafLocations locations) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("medrelay.data.dir", Path.of(locations.data(), "medrelay").toString());
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                if (key.startsWith("medrelay.") || key.startsWith("camel.")) {
                    settings.put(key, locations.substitute(String.valueOf(properties.get(key))));
                }
            }
        }
        settings.put(ROUTES_COLLECTOR, "false");
        return settings;
    }
}
