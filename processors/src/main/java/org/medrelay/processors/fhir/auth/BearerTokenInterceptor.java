package org.medrelay.processors.fhir.auth;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.client.api.ClientResponseContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Sends {@code Authorization: Bearer <token>} (RFC 6750 section 2.1) on every request of a HAPI FHIR client.
 * When the EHR answers 401 anyway (the token was revoked, or the EHR's clock runs ahead of ours), it gets a
 * new token and sends the same request once more; a second 401 reaches the caller as HAPI's
 * {@link AuthenticationException}.
 *
 * <p>Register it on the client: {@code client.registerInterceptor(interceptor)}. Safe to share between threads.
 */
@Interceptor
public final class BearerTokenInterceptor implements IClientInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenInterceptor.class);
    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";
    private static final int UNAUTHORIZED = 401;

    private final AccessTokenCache tokens;

    BearerTokenInterceptor(AccessTokenCache tokens) {
        this.tokens = tokens;
    }

    @Override
    public void interceptRequest(IHttpRequest request) {
        authorize(request, tokens.current());
    }

    /** Nothing to do here: a retry needs the request as well, which {@link #retryOnceWithNewToken} is given. */
    @Override
    public void interceptResponse(IHttpResponse response) {
    }

    /** HAPI reads the response back from the context after its CLIENT_RESPONSE hooks, so a retry can replace it. */
    @Hook(Pointcut.CLIENT_RESPONSE)
    public void retryOnceWithNewToken(ClientResponseContext context) {
        IHttpResponse response = context.getHttpResponse();
        if (response.getStatus() != UNAUTHORIZED) {
            return;
        }
        IHttpRequest request = context.getHttpRequest();
        String rejected = tokenSentWith(request);
        response.close();
        LOG.info("EHR answered 401 to {} {}; retrying once with a new access token",
                request.getHttpVerbName(), pathOf(request.getUri()));
        authorize(request, tokens.replaceRejected(rejected));
        try {
            context.setHttpResponse(request.execute());
        } catch (IOException e) {
            throw new FhirClientConnectionException("retry after 401 failed: " + e, e);
        }
    }

    private static void authorize(IHttpRequest request, AccessToken token) {
        request.removeHeaders(AUTHORIZATION);
        request.addHeader(AUTHORIZATION, BEARER + token.value());
    }

    private static String tokenSentWith(IHttpRequest request) {
        for (Map.Entry<String, List<String>> header : request.getAllHeaders().entrySet()) {
            if (AUTHORIZATION.equalsIgnoreCase(header.getKey())) {
                for (String value : header.getValue()) {
                    if (value.startsWith(BEARER)) {
                        return value.substring(BEARER.length());
                    }
                }
            }
        }
        return null;
    }

    /** Search parameters in the query can carry PHI (identifiers, names), so only the path is logged. */
    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
