package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read, vread, history and search against the store, answering 404 and 410 as FHIR defines them. */
final class ResourceReader {

    private final SqlTransactions transactions;
    private final ResourceVersionTable versions;
    private final ResourceSearch search;
    private final ResourceJson json;

    ResourceReader(SqlTransactions transactions, ResourceVersionTable versions, ResourceSearch search, ResourceJson json) {
        this.transactions = transactions;
        this.versions = versions;
        this.search = search;
        this.json = json;
    }

    IBaseResource read(String type, String id) {
        StoredVersion current = transactions.read("read " + type + "/" + id, c -> versions.readCurrent(c, type, id))
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
        if (current.isDeletion()) {
            throw new ResourceGoneException(new IdType(type, id, Long.toString(current.versionId())));
        }
        return json.decode(current);
    }

    IBaseResource readVersion(String type, String id, long versionId) {
        IdType requested = new IdType(type, id, Long.toString(versionId));
        StoredVersion version = transactions.read("vread " + requested.getValue(), c -> versions.readVersion(c, type, id, versionId))
                .orElseThrow(() -> new ResourceNotFoundException(requested));
        if (version.isDeletion()) {
            throw new ResourceGoneException(requested);
        }
        return json.decode(version);
    }

    /** The versions that hold content, newest first; deletions are left out of the bundle. */
    List<IBaseResource> history(String type, String id) {
        List<StoredVersion> all = transactions.read("read history of " + type + "/" + id, c -> versions.readHistory(c, type, id));
        if (all.isEmpty()) {
            throw new ResourceNotFoundException(new IdType(type, id));
        }
        return all.stream().filter(version -> !version.isDeletion()).map(json::decode).toList();
    }

    SearchResultPages search(String type, SearchCriteria criteria) {
        List<String> ids = transactions.read("search " + type, c -> search.matchingIds(c, type, criteria, Integer.MAX_VALUE));
        return new SearchResultPages(this, type, ids);
    }

    /** The current content of the given resources in the given order, skipping any deleted since the search. */
    List<IBaseResource> readInOrder(String type, List<String> ids) {
        List<StoredVersion> found = transactions.read("read page of " + type, c -> versions.readCurrent(c, type, ids));
        Map<String, StoredVersion> byId = new HashMap<>();
        found.forEach(version -> byId.put(version.resourceId(), version));
        List<IBaseResource> page = new ArrayList<>(ids.size());
        for (String id : ids) {
            StoredVersion version = byId.get(id);
            if (version != null && !version.isDeletion()) {
                page.add(json.decode(version));
            }
        }
        return page;
    }
}
