package org.medrelay.mappings.x12;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a received X12 file: envelopes, control numbers and counts, and each transaction set against
 * MedRelay's implementation schema for its guide (270 and 271 005010X279A1, 278 005010X217, 835 005010X221A1,
 * 837P 005010X222A1, 837I 005010X223A2, 999 005010X231A1). Keeps the
 * summaries only, never the segments.
 */
public final class X12Validator {

    private final X12Reader reader;

    public X12Validator() {
        this(new X12Reader());
    }

    public X12Validator(X12Reader reader) {
        this.reader = reader;
    }

    public X12ValidationReport validate(InputStream input) throws IOException {
        List<Interchange> interchanges = new ArrayList<>();
        try {
            reader.read(input, new X12Handler() {
                @Override
                public void interchangeEnded(Interchange interchange) {
                    interchanges.add(interchange);
                }
            });
            return new X12ValidationReport(interchanges, Optional.empty());
        } catch (X12InputException e) {
            return new X12ValidationReport(interchanges, Optional.of(e));
        }
    }
}
