package org.medrelay.processors.fax.intake;

import java.util.Optional;

/**
 * A fax taken in, as the store knows it: its row id, status and what was already done for it (so a fax taken up
 * again after a failure neither files a second DocumentReference nor makes a second work item).
 */
public record FaxFile(long id, String status, Optional<String> documentReference, Optional<Long> workItemId) {

    public static final String RECEIVED = "RECEIVED";

    public boolean finished() {
        return !RECEIVED.equals(status);
    }
}
