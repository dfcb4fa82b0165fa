package org.medrelay.processors.clearinghouse;

import org.medrelay.mappings.x12.AcknowledgmentWriter;
import org.medrelay.mappings.x12.Interchange;
import org.medrelay.mappings.x12.X12ValidationReport;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The TA1/999 MedRelay sends back for a file it received from the clearinghouse: one acknowledgment per interchange
 * ({@link AcknowledgmentWriter}: a TA1 where the interchange is at fault, a 999 per functional group), none for an
 * interchange that is itself an acknowledgment (a 999 or TA1 is never acknowledged), and none at all when the
 * workflow is not configured to acknowledge or nothing of the file could be read as an interchange.
 */
public final class ReceivedFileAcknowledgments {

    private final AcknowledgmentWriter writer;
    private final boolean acknowledge;

    public ReceivedFileAcknowledgments(AcknowledgmentWriter writer, boolean acknowledge) {
        this.writer = writer;
        this.acknowledge = acknowledge;
    }

    public Optional<byte[]> of(X12ValidationReport report) {
        if (!acknowledge || report.interchanges().isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Interchange interchange : report.interchanges()) {
            if (!isAcknowledgment(interchange)) {
                out.writeBytes(writer.acknowledge(interchange));
            }
        }
        return out.size() == 0 ? Optional.empty() : Optional.of(out.toByteArray());
    }

    private static boolean isAcknowledgment(Interchange interchange) {
        return interchange.groups().isEmpty() && !interchange.acknowledgments().isEmpty()
                || interchange.groups().stream().anyMatch(g -> "FA".equals(g.header().functionalId()));
    }
}
