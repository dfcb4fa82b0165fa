package org.medrelay.processors.claims;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What became of one 837 file: kept (its claims now on file, or already on file from an earlier copy) or quarantined
 * (not valid X12; nothing kept, the file and its 999-style report in the quarantine folder). Counts and paths only.
 */
public record ClaimIntakeResult(boolean quarantined, int claimsKept, int claimsAlreadyOnFile, Optional<Path> quarantinedAs) {

    static ClaimIntakeResult kept(int kept, int alreadyOnFile) {
        return new ClaimIntakeResult(false, kept, alreadyOnFile, Optional.empty());
    }

    static ClaimIntakeResult quarantined(Path file) {
        return new ClaimIntakeResult(true, 0, 0, Optional.of(file));
    }
}
