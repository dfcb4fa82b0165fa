package org.medrelay.processors.priorauth.followup;

import java.util.Map;

/**
 * The Da Vinci PAS API of each payer that takes requests through one, by payer id
 * ({@code medrelay.priorauth.pas-endpoint.<payer id>=<FHIR base URL>}).
 */
public final class PasPayers {

    private final Map<String, PasPayerEndpoint> byPayerId;

    public PasPayers(Map<String, PasPayerEndpoint> byPayerId) {
        this.byPayerId = Map.copyOf(byPayerId);
    }

    public PasPayerEndpoint of(String payerId) {
        PasPayerEndpoint endpoint = payerId == null ? null : byPayerId.get(payerId);
        if (endpoint == null) {
            throw new IllegalStateException("no Da Vinci PAS endpoint configured for payer " + payerId
                    + " (medrelay.priorauth.pas-endpoint." + payerId + ")");
        }
        return endpoint;
    }
}
