package org.medrelay.karaf.engine;

import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.MedRelayEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Owns the engine inside Karaf. Configuration changes and bundles bringing or taking routes arrive on config
 * admin's and the framework's threads; they are queued onto one thread here, so the engine is never started,
 * restarted or changed by two at once, and no framework thread waits for the engine's start.
 */
final class KarafEngineLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(KarafEngineLifecycle.class);
    /** Longer than Camel's own shutdown timeout (camel.main.shutdown-timeout, 15 s) plus the broker's stop. */
    private static final long SHUTDOWN_WAIT_SECONDS = 60;

    private final ClassLoader bundleClassLoader;
    private final ExecutorService thread;
    private final Map<Long, RouteBundle> routeBundles = new LinkedHashMap<>();
    private final Map<Long, LoadedRoutes> loaded = new LinkedHashMap<>();
    private Map<String, String> settings;
    private MedRelayEngine engine;

    KarafEngineLifecycle(ClassLoader bundleClassLoader) {
        this.bundleClassLoader = bundleClassLoader;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "medrelay-karaf-lifecycle");
            t.setContextClassLoader(bundleClassLoader);
            return t;
        });
    }

    /** New settings from config admin: the engine restarts with them (unchanged settings change nothing). */
    void configure(Map<String, String> newSettings) {
        thread.execute(() -> {
            if (newSettings.equals(settings)) {
                return;
            }
            stopEngine();
            settings = newSettings;
            startEngine();
        });
    }

    void addRoutes(RouteBundle bundle) {
        thread.execute(() -> {
            routeBundles.put(bundle.bundleId(), bundle);
            if (engine != null) {
                load(bundle);
            }
        });
    }

    void removeRoutes(RouteBundle bundle) {
        thread.execute(() -> {
            routeBundles.remove(bundle.bundleId());
            LoadedRoutes routes = loaded.remove(bundle.bundleId());
            if (engine != null && routes != null) {
                try {
                    routes.unload(engine.camelContext());
                    LOG.info("Removed the routes of {}: {}", bundle.symbolicName(), routes.routeIds());
                } catch (Exception e) {
                    LOG.error("Removing the routes of {} failed: {}", bundle.symbolicName(), e.toString());
                }
            }
        });
    }

    /** Stops the engine and this thread; waits for both, within a bound, as the bundle's stop must. */
    void shutdown() {
        thread.execute(() -> {
            stopEngine();
            ArtemisStaticThreads.stop();
            JdbcDrivers.deregister(bundleClassLoader);
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.error("MedRelay engine did not stop within {} s", SHUTDOWN_WAIT_SECONDS);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startEngine() {
        try {
            JdbcDrivers.register(bundleClassLoader);
            engine = new MedRelayEngine(EngineProperties.withOverrides(settings)).start();
        } catch (Exception | LinkageError e) {
            // A bad setting: the engine stays stopped until config admin brings a corrected configuration.
            LOG.error("MedRelay engine did not start: {}", e.toString());
            engine = null;
            return;
        }
        routeBundles.values().forEach(this::load);
    }

    private void load(RouteBundle bundle) {
        try {
            LoadedRoutes routes = LoadedRoutes.load(engine.camelContext(), bundle);
            loaded.put(bundle.bundleId(), routes);
            LOG.info("Loaded the routes of {}: {}", bundle.symbolicName(), routes.routeIds());
        } catch (Exception e) {
            LOG.error("Loading the routes of {} failed: {}", bundle.symbolicName(), e.toString());
        }
    }

    private void stopEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
            loaded.clear();
            LOG.info("MedRelay engine stopped");
        }
    }
}
