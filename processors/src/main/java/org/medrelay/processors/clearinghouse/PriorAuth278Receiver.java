package org.medrelay.processors.clearinghouse;

import org.medrelay.mappings.x12.priorauth.PriorAuthResponse;

import java.sql.SQLException;
import java.util.List;

/**
 * Where the 278 responses of a valid clearinghouse file go: the clearinghouse inbox is one folder for every
 * transaction the practice exchanges through it, so the file reader hands each kind to its workflow.
 */
public interface PriorAuth278Receiver {

    /** No prior-auth workflow wired in: the responses are counted as unmatched. */
    PriorAuth278Receiver NONE = (responses, fileName) -> 0;

    /** @return how many responses matched a case */
    int receive(List<PriorAuthResponse> responses, String fileName) throws SQLException;
}
