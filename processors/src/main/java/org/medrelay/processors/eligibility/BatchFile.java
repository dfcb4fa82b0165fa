package org.medrelay.processors.eligibility;

import java.util.List;

/** One 270 file for the clearinghouse's outbox: one interchange per request, each request with the envelope it went in. */
public record BatchFile(String fileName, byte[] content, List<SentRequest> requests) {

    public static final String EXCHANGE_PROPERTY = "MedRelayEligibilityBatch";

    public BatchFile {
        content = content.clone();
        requests = List.copyOf(requests);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public String toString() {
        return "BatchFile[" + fileName + ", " + requests.size() + " requests]";
    }

    /** A request in the file and the ISA13/GS06/ST02 of its 270. */
    public record SentRequest(StoredRequest request, SentEnvelope envelope) {
    }
}
