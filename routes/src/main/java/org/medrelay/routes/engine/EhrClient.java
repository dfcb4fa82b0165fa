package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.medrelay.processors.fhir.auth.FhirAuthInterceptorFactory;
import org.medrelay.processors.fhir.auth.FhirAuthProperties;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The FHIR client of the EHR, configured from {@code medrelay.fhir.*} (timeouts, OAuth2 or SMART Backend Services):
 * the engine's, and the CLI commands' that read the chart ({@code refill triage}).
 */
public final class EhrClient {

    private EhrClient() {
    }

    public static IGenericClient create(EngineProperties props, FhirContext fhirContext, String baseUrl) {
        fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhirContext.getRestfulClientFactory().setConnectTimeout(props.getInt("medrelay.fhir.connect-timeout-ms"));
        fhirContext.getRestfulClientFactory().setSocketTimeout(props.getInt("medrelay.fhir.socket-timeout-ms"));
        IGenericClient client = fhirContext.newRestfulGenericClient(baseUrl);
        // medrelay.fhir.auth.type=none, the default for the sandbox EHR, registers nothing.
        FhirAuthInterceptorFactory.fromProperties(authProperties(props), baseUrl).ifPresent(client::registerInterceptor);
        return client;
    }

    private static Map<String, String> authProperties(EngineProperties props) {
        Properties all = props.asProperties();
        return all.stringPropertyNames().stream()
                .filter(key -> key.startsWith(FhirAuthProperties.PREFIX))
                .collect(Collectors.toMap(key -> key, all::getProperty));
    }
}
