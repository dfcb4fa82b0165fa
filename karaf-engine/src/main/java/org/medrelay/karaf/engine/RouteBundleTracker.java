package org.medrelay.karaf.engine;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for started bundles that carry MedRelay routes and tells the engine when one comes or goes
 * (the extender pattern, as Blueprint finds its XML in other bundles).
 */
final class RouteBundleTracker extends BundleTracker<RouteBundle> {

    private static final Logger LOG = LoggerFactory.getLogger(RouteBundleTracker.class);

    private final KarafEngineLifecycle lifecycle;

    RouteBundleTracker(BundleContext context, KarafEngineLifecycle lifecycle) {
        super(context, Bundle.STARTING | Bundle.ACTIVE, null);
        this.lifecycle = lifecycle;
    }

    @Override
    public RouteBundle addingBundle(Bundle bundle, BundleEvent event) {
        try {
            return RouteBundle.of(bundle).map(routes -> {
                lifecycle.addRoutes(routes);
                return routes;
            }).orElse(null);
        } catch (RuntimeException e) {
            LOG.error("Routes of bundle {} not loaded: {}", bundle.getSymbolicName(), e.getMessage());
            return null;
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, RouteBundle routes) {
        lifecycle.removeRoutes(routes);
    }
}
