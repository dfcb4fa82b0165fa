package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

/**
 * HAPI's CapabilityStatement, built from the bound providers, with each type's search parameters narrowed to
 * those it really supports: every provider declares patient/subject/beneficiary, but only some types define them.
 */
final class SandboxCapabilityStatementProvider extends ServerCapabilityStatementProvider {

    private final SearchParameterCatalog catalog;

    SandboxCapabilityStatementProvider(RestfulServer server, SearchParameterCatalog catalog) {
        super(server);
        this.catalog = catalog;
        setPublisher("MedRelay");
        // The sandbox implements no _include/_revinclude; listing every possible revinclude for 143 types
        // would also grow the statement to megabytes.
        setRestResourceRevIncludesEnabled(false);
    }

    /** HAPI calls this once the rest element is complete (its per-resource hook runs before search params exist). */
    @Override
    protected void postProcessRest(FhirTerser terser, IBase rest) {
        super.postProcessRest(terser, rest);
        if (rest instanceof CapabilityStatementRestComponent restComponent) {
            for (CapabilityStatementRestResourceComponent resource : restComponent.getResource()) {
                resource.getSearchParam().removeIf(parameter -> !catalog.supports(resource.getType(), parameter.getName()));
            }
        }
    }
}
