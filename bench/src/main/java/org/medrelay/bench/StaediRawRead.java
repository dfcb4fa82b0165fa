package org.medrelay.bench;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The X12 benchmarks' baseline: StAEDI reading a file event by event with its own envelope checks and no
 * transaction schema, every element's text fetched. What MedRelay adds on top is measured against this.
 */
final class StaediRawRead {

    private StaediRawRead() {
    }

    /** Reads the whole file; returns the number of events, failing if there were none. */
    static long events(Path file) throws Exception {
        long events = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in)) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.ELEMENT_DATA) {
                    reader.getText();
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
