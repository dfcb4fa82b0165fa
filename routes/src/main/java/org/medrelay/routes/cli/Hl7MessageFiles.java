package org.medrelay.routes.cli;

import org.medrelay.mappings.hl7v2.Hl7BatchReader;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.RawHl7Message;

import java.util.List;

/** The messages in a file as the CLI commands take them: split by MSH, batch envelopes and comments dropped. */
final class Hl7MessageFiles {

    private Hl7MessageFiles() {
    }

    static List<byte[]> split(byte[] content, String source) throws Hl7InputException {
        List<byte[]> messages = new Hl7BatchReader().split(content).stream().map(RawHl7Message::bytes).toList();
        if (messages.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no HL7v2 message (no MSH segment)");
        }
        return messages;
    }
}
