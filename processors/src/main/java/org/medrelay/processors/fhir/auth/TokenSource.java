package org.medrelay.processors.fhir.auth;

/** Obtains a new access token each time it is asked; {@link AccessTokenCache} decides when to ask. */
interface TokenSource {

    AccessToken obtain();
}
