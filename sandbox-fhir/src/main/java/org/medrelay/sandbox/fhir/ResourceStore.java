package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Set;

/** Assembles the reading and writing sides of the store over one database, for the given resource types. */
final class ResourceStore {

    private final SearchParameterCatalog catalog;
    private final ResourceReader reader;
    private final ResourceWriter writer;
    private final SearchIndexRebuild rebuild;

    ResourceStore(FhirContext fhirContext, DataSource dataSource, Set<String> resourceTypes) {
        SqlTransactions transactions = new SqlTransactions(dataSource);
        TypeWriteLock typeLock = new TypeWriteLock();
        transactions.inTransaction("register resource types", c -> {
            typeLock.registerTypes(c, resourceTypes);
            return null;
        });
        ResourceVersionTable versions = new ResourceVersionTable();
        ResourceSearch search = new ResourceSearch();
        ResourceJson json = new ResourceJson(fhirContext);
        this.catalog = SearchParameterCatalog.fromDefinitions(fhirContext, resourceTypes);
        this.reader = new ResourceReader(transactions, versions, search, json);
        SearchIndexTable index = new SearchIndexTable();
        SearchIndexExtractor extractor = new SearchIndexExtractor(fhirContext, catalog);
        this.writer = new ResourceWriter(transactions, typeLock, versions, index, extractor, search, json, Clock.systemUTC());
        this.rebuild = new SearchIndexRebuild(transactions, typeLock, versions, index, extractor, search, json, catalog,
                resourceTypes);
    }

    /** Writes the index rows of every live resource of the types with string or date parameters (after V2). */
    void rebuildStringAndDateIndex() {
        rebuild.rebuild(catalog::hasStringOrDateParameters);
    }

    SearchParameterCatalog catalog() {
        return catalog;
    }

    ResourceReader reader() {
        return reader;
    }

    ResourceWriter writer() {
        return writer;
    }
}
