package org.medrelay.karaf.engine;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routes and route configurations one bundle added to a running Camel context, so exactly those can be
 * removed when the bundle goes. Load and unload run on the engine's lifecycle thread only, so the difference
 * before and after a load is this bundle's.
 */
record LoadedRoutes(Set<String> routeIds, Set<String> routeConfigurationIds) {

    static LoadedRoutes load(CamelContext camel, RouteBundle bundle) throws Exception {
        Set<String> routesBefore = routeIds(camel);
        Set<String> configurationsBefore = routeConfigurationIds(camel);
        List<Resource> resources = bundle.files().stream()
                .map(file -> ResourceHelper.fromBytes(file.path(), file.yaml()))
                .toList();
        // One call for all files: Camel adds the route configurations first, then the routes that name them.
        PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
        return new LoadedRoutes(added(routesBefore, routeIds(camel)),
                added(configurationsBefore, routeConfigurationIds(camel)));
    }

    void unload(CamelContext camel) throws Exception {
        for (String id : routeIds) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteConfigurationDefinition configuration : List.copyOf(model.getRouteConfigurationDefinitions())) {
            if (routeConfigurationIds.contains(configuration.getId())) {
                model.removeRouteConfiguration(configuration);
            }
        }
    }

    private static Set<String> routeIds(CamelContext camel) {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
    }

    private static Set<String> routeConfigurationIds(CamelContext camel) {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteConfigurationDefinitions()
                .stream().map(RouteConfigurationDefinition::getId).collect(Collectors.toSet());
    }

    private static Set<String> added(Set<String> before, Set<String> after) {
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        return Set.copyOf(added);
    }
}
