package org.medrelay.processors.fhir.auth;

import java.net.URI;

/** Where the token endpoint is: configured ({@code medrelay.fhir.auth.token-url}) or discovered from the EHR. */
interface TokenEndpointLocation {

    URI tokenUrl();
}
