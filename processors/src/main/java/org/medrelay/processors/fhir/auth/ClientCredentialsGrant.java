package org.medrelay.processors.fhir.auth;

import java.net.URI;

/**
 * The OAuth2 client credentials grant (RFC 6749 section 4.4): the client asks for a token in its own name.
 * SMART Backend Services is the same grant with a signed JWT in place of a secret, so both use this class
 * with a different {@link ClientAuthentication}.
 */
final class ClientCredentialsGrant implements TokenSource {

    private final TokenEndpointLocation endpoint;
    private final ClientAuthentication authentication;
    private final String scope;
    private final TokenEndpointClient client;

    /** @param scope space-separated scopes, or null to let the server grant its default */
    ClientCredentialsGrant(TokenEndpointLocation endpoint, ClientAuthentication authentication, String scope,
                           TokenEndpointClient client) {
        this.endpoint = endpoint;
        this.authentication = authentication;
        this.scope = scope;
        this.client = client;
    }

    @Override
    public AccessToken obtain() {
        URI tokenUrl = endpoint.tokenUrl();
        TokenRequestForm form = new TokenRequestForm().add("grant_type", "client_credentials");
        if (scope != null) {
            form.add("scope", scope);
        }
        authentication.authenticate(form, tokenUrl);
        return client.requestToken(tokenUrl, form);
    }
}
