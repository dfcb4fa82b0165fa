package org.medrelay.karaf.engine;

import org.osgi.framework.Bundle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bundle that brings routes to the engine: its {@value #HEADER} manifest header lists Camel YAML files inside
 * it, e.g. {@code MedRelay-Routes: routes/hl7-mllp-in.camel.yaml, routes/hl7-process.camel.yaml}. A capability
 * (HL7v2/MLLP feed, eligibility, remittance, fax) is such a bundle; installing it adds its routes to the running
 * engine, uninstalling it removes them.
 */
record RouteBundle(long bundleId, String symbolicName, List<RouteFile> files) {

    static final String HEADER = "MedRelay-Routes";

    /** The bundle's routes, or empty when it carries none. A listed file that is missing is an error. */
    static Optional<RouteBundle> of(Bundle bundle) {
        String header = bundle.getHeaders().get(HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<RouteFile> files = new ArrayList<>();
        for (String path : header.split(",")) {
            String trimmed = path.trim();
            if (!trimmed.isEmpty()) {
                files.add(read(bundle, trimmed));
            }
        }
        return Optional.of(new RouteBundle(bundle.getBundleId(), bundle.getSymbolicName(), List.copyOf(files)));
    }

    private static RouteFile read(Bundle bundle, String path) {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            throw new IllegalArgumentException(bundle.getSymbolicName() + " lists " + path + " in " + HEADER
                    + " but does not contain it");
        }
        try (InputStream in = entry.openStream()) {
            return new RouteFile(path, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + " from " + bundle.getSymbolicName(), e);
        }
    }
}
