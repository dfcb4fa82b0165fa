package org.medrelay.processors.deid;

import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

import java.util.Map;

/**
 * A narrative's XHTML (text.div) through the free-text pass: text nodes and the title and alt
 * attributes, never tag names, so the markup stays valid.
 */
final class FhirNarrativeText {

    private final FreeTextDeidentifier freeText;

    FhirNarrativeText(FreeTextDeidentifier freeText) {
        this.freeText = freeText;
    }

    void deidentify(Narrative narrative, DeidentificationSession session) {
        if (narrative.hasDiv()) {
            visit(narrative.getDiv(), session);
        }
    }

    private void visit(XhtmlNode node, DeidentificationSession session) {
        if (node.getNodeType() == NodeType.Text || node.getNodeType() == NodeType.Comment) {
            node.setContent(freeText.deidentify(node.getContent(), session));
            return;
        }
        Map<String, String> attributes = node.getAttributes();
        for (String attribute : new String[] {"title", "alt"}) {
            if (attributes != null && attributes.containsKey(attribute)) {
                attributes.put(attribute, freeText.deidentify(attributes.get(attribute), session));
            }
        }
        if (node.getChildNodes() != null) {
            for (XhtmlNode child : node.getChildNodes()) {
                visit(child, session);
            }
        }
    }
}
