package org.medrelay.processors.fhir.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer access token from the token endpoint.
 *
 * @param value     the token itself; never logged ({@link #toString()} leaves it out)
 * @param expiresAt when the server said it expires ({@code expires_in}), or null when it did not say
 */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Whether the token can still be sent, leaving {@code skew} for clocks that disagree and requests in flight.
     * A token without {@code expires_in} is used until the FHIR server rejects it (RFC 6749 section 5.1 makes
     * the field only RECOMMENDED).
     */
    public boolean isUsableAt(Instant now, Duration skew) {
        return expiresAt == null || now.plus(skew).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
