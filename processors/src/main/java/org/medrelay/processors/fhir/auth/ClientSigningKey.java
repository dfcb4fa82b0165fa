package org.medrelay.processors.fhir.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;

/**
 * The client's private key with the JWS algorithm it signs with. SMART Backend Services has servers support
 * RS384 and ES384, so those are the two offered: RS384 for an RSA key, ES384 for an EC key on P-384.
 *
 * @param signer Nimbus signers are thread-safe, so one serves every token request
 */
record ClientSigningKey(JWSAlgorithm algorithm, JWSSigner signer) {

    private static final String PROPERTY = FhirAuthProperties.ALGORITHM;

    /** @param configuredAlgorithm RS384, ES384, or null to take the one that fits the key */
    static ClientSigningKey of(PrivateKey key, String configuredAlgorithm) {
        JWSAlgorithm algorithm = configuredAlgorithm == null ? defaultFor(key) : JWSAlgorithm.parse(configuredAlgorithm);
        if (JWSAlgorithm.RS384.equals(algorithm)) {
            if (!(key instanceof RSAPrivateKey)) {
                throw mismatch(algorithm, key);
            }
            try {
                return new ClientSigningKey(algorithm, new RSASSASigner(key));
            } catch (IllegalArgumentException weakKey) {
                throw new FhirAuthConfigurationException(FhirAuthProperties.PRIVATE_KEY + ": " + weakKey.getMessage(), weakKey);
            }
        }
        if (JWSAlgorithm.ES384.equals(algorithm)) {
            if (!(key instanceof ECPrivateKey ec)) {
                throw mismatch(algorithm, key);
            }
            if (!Curve.P_384.equals(Curve.forECParameterSpec(ec.getParams()))) {
                throw new FhirAuthConfigurationException(FhirAuthProperties.PRIVATE_KEY + " is an EC key on "
                        + Curve.forECParameterSpec(ec.getParams()) + "; ES384 needs one on P-384 (secp384r1)");
            }
            try {
                return new ClientSigningKey(algorithm, new ECDSASigner(ec));
            } catch (JOSEException e) {
                throw new FhirAuthConfigurationException(FhirAuthProperties.PRIVATE_KEY + ": " + e.getMessage(), e);
            }
        }
        throw new FhirAuthConfigurationException(PROPERTY + " must be RS384 or ES384, was " + configuredAlgorithm);
    }

    private static JWSAlgorithm defaultFor(PrivateKey key) {
        return key instanceof ECPrivateKey ? JWSAlgorithm.ES384 : JWSAlgorithm.RS384;
    }

    private static FhirAuthConfigurationException mismatch(JWSAlgorithm algorithm, PrivateKey key) {
        return new FhirAuthConfigurationException(PROPERTY + "=" + algorithm + " does not fit the "
                + key.getAlgorithm() + " key in " + FhirAuthProperties.PRIVATE_KEY);
    }

    @Override
    public String toString() {
        return "ClientSigningKey[" + algorithm + "]";
    }
}
