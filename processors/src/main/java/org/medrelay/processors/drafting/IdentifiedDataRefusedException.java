package org.medrelay.processors.drafting;

/**
 * Identified patient data would have gone to a model endpoint that the operator has not marked as on-premises or
 * covered by a business associate agreement, and the endpoint is set to refuse rather than de-identify. Thrown
 * before any connection is opened: nothing was sent.
 */
public final class IdentifiedDataRefusedException extends DraftingModelException {

    public IdentifiedDataRefusedException(String endpoint, DataAgreement agreement) {
        super("refused to send identified patient data to model endpoint '" + endpoint + "' (agreement "
                + agreement.propertyValue() + "): mark it on-premises or baa if it is, or set its phi-handling"
                + " to deidentify; nothing was sent");
    }
}
