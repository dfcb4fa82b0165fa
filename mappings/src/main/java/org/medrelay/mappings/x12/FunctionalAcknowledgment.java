package org.medrelay.mappings.x12;

import java.util.List;

/**
 * A 999 received (005010X231A1): the functional group it answers (AK101 functional id, AK102 GS06), each
 * transaction set's response (AK2 with IK5) and the group's AK901 code (A accepted, E accepted with errors,
 * P partially accepted, R rejected).
 */
public record FunctionalAcknowledgment(String functionalId, String groupControlNumber, List<TransactionSetResponse> responses,
                                       String groupCode) {

    public FunctionalAcknowledgment {
        responses = List.copyOf(responses);
    }

    public boolean groupRejected() {
        return "R".equals(groupCode);
    }

    /**
     * AK2/IK5 of one transaction set: AK201 id, AK202 ST02, IK501 code (A, E, R, M, W, X) and its errors as codes
     * and positions ("IK3 NM1 at 9 in 2100C: 8", "IK4 NM109: 7", "IK5 5").
     */
    public record TransactionSetResponse(String transactionSetId, String controlNumber, String code, List<String> errors) {

        public TransactionSetResponse {
            errors = List.copyOf(errors);
        }

        /** IK501 R, M (authentication), W (encryption) or X (syntax after decryption): not accepted. */
        public boolean rejected() {
            return List.of("R", "M", "W", "X").contains(code);
        }
    }
}
