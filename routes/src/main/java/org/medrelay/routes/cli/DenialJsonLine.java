package org.medrelay.routes.cli;

import org.medrelay.mappings.x12.remittance.Adjustment;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialDecision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One claim of {@code medrelay denials} as a JSON line. The field names and their order are a contract scripts
 * rely on: claim, category, reason, carc, rarc, billed, paid, patientResponsibility, action. {@code carc} is the
 * deciding adjustment as group and CARC ("CO-50"), {@code rarc} the remark code that went with it; both null
 * when no adjustment decided. Amounts are JSON numbers with two decimals.
 */
final class DenialJsonLine {

    private DenialJsonLine() {
    }

    static String of(ClaimPayment claim, DenialDecision decision) {
        return "{\"claim\":" + string(claim.patientControlNumber())
                + ",\"category\":" + string(decision.category().word())
                + ",\"reason\":" + string(decision.reason())
                + ",\"carc\":" + decision.adjustment().map(Adjustment::code).map(DenialJsonLine::string).orElse("null")
                + ",\"rarc\":" + decision.rarc().map(DenialJsonLine::string).orElse("null")
                + ",\"billed\":" + amount(claim.billed())
                + ",\"paid\":" + amount(claim.paid())
                + ",\"patientResponsibility\":" + amount(claim.patientResponsibility())
                + ",\"action\":" + string(decision.action()) + "}";
    }

    private static String amount(BigDecimal value) {
        return (value.scale() <= 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value).toPlainString();
    }

    private static String string(String value) {
        return JsonStrings.quote(value);
    }
}
