package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** HAPI's plain RestfulServer with one {@link StoredResourceProvider} per served R4 resource type. */
final class SandboxRestfulServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    /**
     * Binary is served by HAPI as raw content and needs a storage path of its own; Parameters and
     * OperationOutcome are message payloads that FHIR gives no RESTful endpoint.
     */
    static final Set<String> NOT_SERVED = Set.of("Binary", "Parameters", "OperationOutcome");

    /** How many searches keep their results for paging; older ones expire first. */
    private static final int PAGED_SEARCHES_KEPT = 100;

    SandboxRestfulServer(FhirContext fhirContext, ResourceStore store, Set<String> resourceTypes, SandboxFhirSettings settings) {
        super(fhirContext);
        setServerName("MedRelay sandbox EHR");
        setImplementationDescription("Sandbox FHIR R4 server standing in for the practice EHR");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setResourceProviders(providers(fhirContext, store, resourceTypes));
        setServerConformanceProvider(new SandboxCapabilityStatementProvider(this, store.catalog()));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(PAGED_SEARCHES_KEPT);
        paging.setDefaultPageSize(settings.defaultPageSize());
        paging.setMaximumPageSize(settings.maxPageSize());
        setPagingProvider(paging);
    }

    /** Every R4 resource type HAPI knows, less {@link #NOT_SERVED}. */
    static Set<String> servedTypes(FhirContext fhirContext) {
        Set<String> types = new TreeSet<>(fhirContext.getResourceTypes());
        types.removeAll(NOT_SERVED);
        return types;
    }

    private static List<IResourceProvider> providers(FhirContext fhirContext, ResourceStore store, Set<String> resourceTypes) {
        ConditionalUrl conditionalUrl = new ConditionalUrl(fhirContext, store.catalog());
        List<IResourceProvider> providers = new ArrayList<>();
        for (String type : resourceTypes) {
            providers.add(provider(fhirContext.getResourceDefinition(type).getImplementingClass(), type, store, conditionalUrl));
        }
        return providers;
    }

    private static <T extends IBaseResource> StoredResourceProvider<T> provider(
            Class<T> resourceClass, String type, ResourceStore store, ConditionalUrl conditionalUrl) {
        return new StoredResourceProvider<>(resourceClass, type, store.reader(), store.writer(), conditionalUrl, store.catalog());
    }
}
