package org.medrelay.bench;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The X12 benchmarks' baseline: StAEDI reading a file event by event with its own envelope checks and no
 * transaction schema, every element's text fetched. What MedRelay adds on top is measured against this. A second
 * figure reads the same way with a transaction schema set at each ST: StAEDI's own validation, with nothing of
 * MedRelay's, to tell the library's share of a validating read from MedRelay's.
 */
final class StaediRawRead {

    private StaediRawRead() {
    }

    /** Reads the whole file; returns the number of events, failing if there were none. */
    static long events(Path file) throws Exception {
        return events(file, null);
    }

    /**
     * As {@link #events(Path)}, validating each transaction set against {@code transactionSchema}; validation errors
     * are events like any other (the benchmark files have none).
     */
    static long events(Path file, Schema transactionSchema) throws Exception {
        long events = 0;
        boolean inSt = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in)) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.ELEMENT_DATA) {
                    reader.getText();
                } else if (event == EDIStreamEvent.START_SEGMENT) {
                    inSt = "ST".equals(reader.getText());
                } else if (event == EDIStreamEvent.END_SEGMENT && inSt && transactionSchema != null) {
                    // as the engine does: StAEDI takes a transaction schema while ST is the current segment
                    reader.setTransactionSchema(transactionSchema);
                }
                events++;
            }
        }
        if (events == 0) {
            throw new IllegalStateException("no events in " + file);
        }
        return events;
    }
}
