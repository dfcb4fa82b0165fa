package org.medrelay.routes.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medrelay.mappings.x12.X12Segment;

/**
 * A transaction set MedRelay has no mapper for: its envelope and its segments (id, position from ST = 1, guide loop,
 * elements as sent).
 */
final class SegmentSummaryJson implements TransactionJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode segments = JSON.createArrayNode();
    private String transactionSet = "";
    private String controlNumber = "";
    private String guide = "";

    @Override
    public void segment(X12Segment segment) {
        if ("ST".equals(segment.id())) {
            transactionSet = segment.element(1);
            controlNumber = segment.element(2);
            guide = segment.element(3);
        }
        ObjectNode node = segments.addObject().put("id", segment.id()).put("position", segment.position());
        if (!segment.loop().isEmpty()) {
            node.put("loop", segment.loop());
        }
        ArrayNode elements = node.putArray("elements");
        segment.elements().stream().skip(1).forEach(elements::add);
    }

    @Override
    public String json(X12Envelope envelope) {
        ObjectNode root = JSON.createObjectNode()
                .put("transactionSet", transactionSet)
                .put("controlNumber", controlNumber)
                .put("guide", guide);
        root.putObject("interchange").put("controlNumber", envelope.interchangeControlNumber())
                .put("sender", envelope.sender()).put("receiver", envelope.receiver());
        root.putObject("group").put("controlNumber", envelope.groupControlNumber())
                .put("functionalId", envelope.functionalId()).put("version", envelope.version());
        root.set("segments", segments);
        return root.toString();
    }
}
