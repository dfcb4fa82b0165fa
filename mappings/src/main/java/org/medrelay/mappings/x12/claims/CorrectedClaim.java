package org.medrelay.mappings.x12.claims;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A replacement claim built by {@link CorrectedClaimBuilder}: the 837 in its own interchange (standard delimiters,
 * one segment a line), the claim it replaces (CLM01, and the payer's claim control number in REF*F8), the changes
 * made to it, each in words with the code that asked for it, and the flags for the biller: what the denial asks that
 * could not be changed mechanically, and where on the claim to change it. Holds PHI: never logged.
 */
public record CorrectedClaim(String patientControlNumber, String payerClaimControlNumber, byte[] x12,
                             List<String> changes, List<String> flags) {

    public CorrectedClaim {
        changes = List.copyOf(changes);
        flags = List.copyOf(flags);
    }

    public String text() {
        return new String(x12, StandardCharsets.ISO_8859_1);
    }

    /** Nothing left for the biller: every change the denial asks was made. */
    public boolean complete() {
        return flags.isEmpty();
    }
}
