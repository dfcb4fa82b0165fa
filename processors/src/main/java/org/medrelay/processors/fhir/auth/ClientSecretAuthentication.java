package org.medrelay.processors.fhir.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A client secret, sent as HTTP Basic ({@code client_secret_basic}) or in the form ({@code client_secret_post}). */
final class ClientSecretAuthentication implements ClientAuthentication {

    private final ClientSecretMethod method;
    private final String clientId;
    private final String clientSecret;

    ClientSecretAuthentication(ClientSecretMethod method, String clientId, String clientSecret) {
        this.method = method;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public void authenticate(TokenRequestForm form, URI tokenUrl) {
        if (method == ClientSecretMethod.BASIC) {
            // RFC 6749 section 2.3.1: id and secret are form-urlencoded before they are joined with ':' and
            // Base64-encoded, so a ':' or non-ASCII character in either survives.
            String pair = TokenRequestForm.encode(clientId) + ":" + TokenRequestForm.encode(clientSecret);
            form.authorization("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.add("client_id", clientId).add("client_secret", clientSecret);
        }
    }

    @Override
    public String toString() {
        return "ClientSecretAuthentication[" + method.propertyValue() + ", clientId=" + clientId + "]";
    }
}
