package org.medrelay.processors.fhir.auth;

import java.net.URI;

/** How the client proves who it is to the token endpoint (RFC 6749 section 2.3; RFC 7523 section 2.2). */
interface ClientAuthentication {

    /** Adds the client's credentials to a token request bound for {@code tokenUrl}. */
    void authenticate(TokenRequestForm form, URI tokenUrl);
}
