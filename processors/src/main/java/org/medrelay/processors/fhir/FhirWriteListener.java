package org.medrelay.processors.fhir;

/** Told about each request {@link FhirBundleWriter} makes to the EHR, as it happens, e.g. to audit it. */
public interface FhirWriteListener {

    FhirWriteListener NONE = new FhirWriteListener() {
        @Override
        public void written(FhirWrite write) {
        }

        @Override
        public void failed(String resourceType, FhirInteraction attempted, RuntimeException cause) {
        }
    };

    void written(FhirWrite write);

    /**
     * @param attempted what the request would have done: {@link FhirInteraction#UPDATE} for a PUT (which may
     *                  also create), {@link FhirInteraction#CREATE} for a POST
     */
    void failed(String resourceType, FhirInteraction attempted, RuntimeException cause);
}
