package org.medrelay.karaf.engine;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;

import java.util.Dictionary;
import java.util.Hashtable;

/**
 * Starts MedRelay inside Karaf: config admin hands the engine its configuration (PID {@value #PID}), and
 * every bundle that carries routes (this one, the HL7v2/MLLP feed, later capabilities) has them loaded into
 * the engine. Stopping the bundle stops the engine and everything it started.
 */
public final class EngineActivator implements BundleActivator {

    /** The config admin PID of the engine: {@code etc/org.medrelay.engine.cfg}. */
    public static final String PID = "org.medrelay.engine";

    private KarafEngineLifecycle lifecycle;
    private RouteBundleTracker routeBundles;
    private ServiceRegistration<ManagedService> configuration;

    @Override
    public void start(BundleContext context) {
        lifecycle = new KarafEngineLifecycle(EngineActivator.class.getClassLoader());
        routeBundles = new RouteBundleTracker(context, lifecycle);
        routeBundles.open();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, PID);
        configuration = context.registerService(ManagedService.class,
                new EngineConfiguration(lifecycle, KarafLocations.fromSystemProperties()), properties);
    }

    @Override
    public void stop(BundleContext context) {
        configuration.unregister();
        routeBundles.close();
        lifecycle.shutdown();
    }
}
