package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

import java.util.Date;
import java.util.List;

/**
 * The result of one search: the matching ids, fixed when the search ran, and their content loaded a page at a
 * time. HAPI's paging provider keeps this object between page requests ({@code _getpages}), so the pages of a
 * search neither repeat nor skip resources written after it ran.
 */
final class SearchResultPages implements IBundleProvider {

    private final ResourceReader reader;
    private final String resourceType;
    private final List<String> ids;
    private final InstantType published = new InstantType(new Date());

    SearchResultPages(ResourceReader reader, String resourceType, List<String> ids) {
        this.reader = reader;
        this.resourceType = resourceType;
        this.ids = List.copyOf(ids);
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, Math.min(fromIndex, ids.size()));
        int to = Math.max(from, Math.min(toIndex, ids.size()));
        return reader.readInOrder(resourceType, ids.subList(from, to));
    }

    /** No id of our own: the paging provider assigns one when the result spans several pages. */
    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return ids.size();
    }
}
