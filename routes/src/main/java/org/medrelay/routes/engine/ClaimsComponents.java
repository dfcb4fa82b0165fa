package org.medrelay.routes.engine;

import org.apache.camel.main.Main;
import org.medrelay.mappings.x12.claims.CorrectedClaimBuilder;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.claims.ClaimFileIntake;
import org.medrelay.processors.claims.ClaimsOnFile;
import org.medrelay.processors.claims.CorrectedClaimsOnFile;
import org.medrelay.processors.remittance.CorrectedClaimDrafts;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.clearinghouse.StoredControlNumbers;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The claims-on-file beans, built from {@code medrelay.claims.*} and bound for the {@code claims-on-file-*} routes and
 * for the remittance routes, which find a denied claim on file ({@code claimsOnFile}) and build its replacement
 * ({@code correctedClaimBuilder}, control numbers from the store like the 270's).
 */
final class ClaimsComponents {

    private ClaimsComponents() {
    }

    /** @return the corrected-claim drafts of the denials workflow, built from these claims on file */
    static CorrectedClaimDrafts bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail,
                                     PayloadCipher payloadCipher, Clock clock) {
        ClaimsOnFile claims = new ClaimsOnFile(store, payloadCipher, clock);
        main.bind("claimsOnFile", claims);
        main.bind("claimFileIntake", new ClaimFileIntake(store, claims, auditTrail, Path.of(props.get("medrelay.claims.spool-dir")),
                Path.of(props.get("medrelay.claims.quarantine-dir")), clock));
        CorrectedClaimBuilder builder = new CorrectedClaimBuilder(new StoredControlNumbers(store), clock);
        main.bind("correctedClaimBuilder", builder);
        return new CorrectedClaimsOnFile(claims, builder);
    }
}
