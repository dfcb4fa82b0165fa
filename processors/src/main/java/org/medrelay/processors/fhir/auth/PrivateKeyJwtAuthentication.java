package org.medrelay.processors.fhir.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * SMART Backend Services client authentication ({@code private_key_jwt}, RFC 7523 section 2.2): each token
 * request carries a fresh JWT signed with the client's private key, which the EHR checks against the public
 * key the client registered (or published at {@code jku}).
 *
 * <p>Signing goes through Nimbus JOSE+JWT rather than {@code java.security.Signature} because JWS wants ECDSA
 * signatures as raw R||S (RFC 7518 section 3.4) where the JDK produces DER, and Nimbus gets that right.
 */
final class PrivateKeyJwtAuthentication implements ClientAuthentication {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /**
     * SMART Backend Services: exp no more than five minutes in the future. One minute less leaves room for an
     * EHR whose clock runs behind ours.
     */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(4);

    private final String clientId;
    private final String keyId;
    private final URI jwkSetUrl;
    private final ClientSigningKey key;
    private final Clock clock;

    /** @param jwkSetUrl the {@code jku} header, or null to leave it out (the EHR then uses the registered key) */
    PrivateKeyJwtAuthentication(String clientId, String keyId, URI jwkSetUrl, ClientSigningKey key, Clock clock) {
        this.clientId = clientId;
        this.keyId = keyId;
        this.jwkSetUrl = jwkSetUrl;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public void authenticate(TokenRequestForm form, URI tokenUrl) {
        form.add("client_assertion_type", ASSERTION_TYPE).add("client_assertion", assertionFor(tokenUrl));
    }

    /** iss = sub = client_id, aud = the token URL, a unique jti (the EHR refuses a replayed one). */
    String assertionFor(URI tokenUrl) {
        Instant now = clock.instant();
        JWSHeader header = new JWSHeader.Builder(key.algorithm())
                .type(JOSEObjectType.JWT)
                .keyID(keyId)
                .jwkURL(jwkSetUrl)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(tokenUrl.toString())
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new FhirAuthException("signing the client assertion for " + tokenUrl + " failed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
