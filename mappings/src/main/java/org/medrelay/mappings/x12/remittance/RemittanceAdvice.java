package org.medrelay.mappings.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The header of one 835 transaction set: BPR financial information (BPR01 handling code, BPR02 total actual
 * provider payment, BPR03 credit/debit, BPR04 payment method ACH/CHK/BOP/FWT/NON, BPR16 check issue or EFT
 * effective date), TRN reassociation trace (TRN02 check or EFT trace number, TRN03 payer's originating company
 * id), the payer (loop 1000A) and payee (loop 1000B), and the ST02 and guide it came under.
 */
public record RemittanceAdvice(String transactionSetControlNumber, String guide, String handlingCode,
                               BigDecimal totalPayment, String creditDebit, String paymentMethod,
                               Optional<LocalDate> paymentDate, String traceNumber, String originatorId,
                               Party payer, Party payee) {
}
