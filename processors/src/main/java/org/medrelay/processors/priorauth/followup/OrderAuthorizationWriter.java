package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;

import java.util.Optional;

/**
 * Writes a granted authorization onto the order in the EHR: the ServiceRequest found by its order identifier gets
 * the {@link #EXTENSION} extension (number, units, start, end), so the people scheduling and billing the service
 * see it where they look. An order the EHR does not hold is reported, never created.
 */
public final class OrderAuthorizationWriter {

    public static final String EXTENSION = "urn:medrelay:fhir:StructureDefinition:prior-authorization";

    private final IGenericClient ehr;

    public OrderAuthorizationWriter(IGenericClient ehr) {
        this.ehr = ehr;
    }

    /** @return the EHR's ServiceRequest id written to, or empty when the EHR holds no such order */
    public Optional<String> write(String order, PriorAuthCase.Authorization granted) {
        Bundle found = ehr.search().forResource(ServiceRequest.class)
                .where(ServiceRequest.IDENTIFIER.exactly().code(order)).count(2).returnBundle(Bundle.class).execute();
        if (found.getEntry().size() != 1) {
            return Optional.empty();
        }
        ServiceRequest request = (ServiceRequest) found.getEntryFirstRep().getResource();
        request.getExtension().removeIf(e -> EXTENSION.equals(e.getUrl()));
        Extension authorization = request.addExtension().setUrl(EXTENSION);
        authorization.addExtension("number", new StringType(granted.number()));
        if (granted.units() != null) {
            authorization.addExtension("units", new IntegerType(granted.units()));
        }
        if (granted.start() != null) {
            authorization.addExtension("start", new DateType(granted.start().toString()));
        }
        if (granted.end() != null) {
            authorization.addExtension("end", new DateType(granted.end().toString()));
        }
        ehr.update().resource(request).execute();
        return Optional.of("ServiceRequest/" + request.getIdElement().getIdPart());
    }
}
