package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;

/**
 * A payer's Da Vinci PAS API: {@code Claim/$submit} takes the request Bundle and answers with the response Bundle
 * (a ClaimResponse, pended or decided); {@code Claim/$inquire} takes the same Claim and answers with its status now.
 * The Bundle goes as the operation's {@code resource} parameter.
 */
public final class PasPayerEndpoint {

    private final IGenericClient payer;

    public PasPayerEndpoint(IGenericClient payer) {
        this.payer = payer;
    }

    public Bundle submit(Bundle request) {
        return call("$submit", request);
    }

    public Bundle inquire(Bundle inquiry) {
        return call("$inquire", inquiry);
    }

    private Bundle call(String operation, Bundle body) {
        Parameters in = new Parameters();
        in.addParameter().setName("resource").setResource(body);
        return payer.operation().onType("Claim").named(operation).withParameters(in)
                .returnResourceType(Bundle.class).execute();
    }
}
