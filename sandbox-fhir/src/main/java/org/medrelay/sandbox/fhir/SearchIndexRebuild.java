package org.medrelay.sandbox.fhir;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rewrites the index rows of the live resources of some types from their current versions, for a store whose
 * resources were written before an index table existed (the string and date index of V2). One transaction per type,
 * holding its write lock, so no write of that type interleaves. Logs types and counts only.
 */
final class SearchIndexRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexRebuild.class);

    /** Resources read per query; keeps the IN list and the decoded batch small. */
    private static final int BATCH = 200;

    private final SqlTransactions transactions;
    private final TypeWriteLock typeLock;
    private final ResourceVersionTable versions;
    private final SearchIndexTable index;
    private final SearchIndexExtractor extractor;
    private final ResourceSearch search;
    private final ResourceJson json;
    private final SearchParameterCatalog catalog;
    private final Set<String> resourceTypes;

    SearchIndexRebuild(SqlTransactions transactions, TypeWriteLock typeLock, ResourceVersionTable versions,
                       SearchIndexTable index, SearchIndexExtractor extractor, ResourceSearch search, ResourceJson json,
                       SearchParameterCatalog catalog, Set<String> resourceTypes) {
        this.transactions = transactions;
        this.typeLock = typeLock;
        this.versions = versions;
        this.index = index;
        this.extractor = extractor;
        this.search = search;
        this.json = json;
        this.catalog = catalog;
        this.resourceTypes = resourceTypes;
    }

    void rebuild(Predicate<String> typesToRebuild) {
        for (String type : resourceTypes) {
            if (!typesToRebuild.test(type)) {
                continue;
            }
            int count = transactions.inTransaction("rebuild the search index of " + type, c -> {
                typeLock.acquire(c, type);
                SearchCriteria everything = new SearchCriteriaBuilder(type, catalog).build();
                List<String> ids = search.matchingIds(c, type, everything, Integer.MAX_VALUE);
                for (int from = 0; from < ids.size(); from += BATCH) {
                    for (StoredVersion current : versions.readCurrent(c, type, ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
                        if (!current.isDeletion()) {
                            index.replace(c, type, current.resourceId(), extractor.extract(type, json.decode(current)));
                        }
                    }
                }
                return ids.size();
            });
            if (count > 0) {
                LOG.info("Rebuilt the search index of {} {} resources", count, type);
            }
        }
    }
}
