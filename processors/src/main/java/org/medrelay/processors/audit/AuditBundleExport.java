package org.medrelay.processors.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the audit trail as a FHIR R4 Bundle of type collection, one AuditEvent per entry, oldest first. The
 * Bundle is written as it is read, page by page, so an export of years of entries never sits in memory.
 */
public class AuditBundleExport {

    private static final int PAGE_SIZE = 500;

    private final AuditTrail trail;
    private final IParser json;

    public AuditBundleExport(AuditTrail trail, FhirContext fhirContext) {
        this.trail = trail;
        this.json = fhirContext.newJsonParser();
    }

    /** @return the number of AuditEvents written */
    public long write(AuditQuery query, Writer out) throws SQLException, IOException {
        out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        long written = 0;
        long afterId = 0;
        for (List<AuditEntry> page = trail.page(query, afterId, PAGE_SIZE); !page.isEmpty();
             page = trail.page(query, afterId, PAGE_SIZE)) {
            for (AuditEntry entry : page) {
                out.write(written == 0 ? "{\"resource\":" : ",{\"resource\":");
                out.write(json.encodeResourceToString(AuditEventToFhir.toFhir(entry)));
                out.write('}');
                written++;
            }
            afterId = page.get(page.size() - 1).id();
        }
        out.write("]}\n");
        out.flush();
        return written;
    }
}
