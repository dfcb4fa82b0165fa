package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.medrelay.sandbox.fhir.ResourceVersionTable.CurrentVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Create, update, delete and their conditional forms. Every write runs in one transaction holding its type's
 * {@link TypeWriteLock}, so a conditional write's search and write see no other write of that type between them.
 * Logs types, ids and versions only: resource content is PHI.
 */
final class ResourceWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceWriter.class);

    /** FHIR R4 id datatype: 1 to 64 of [A-Za-z0-9-.]. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** Two matches are enough to tell a unique match from an ambiguous one. */
    private static final int ENOUGH_TO_SEE_AMBIGUITY = 2;

    private final SqlTransactions transactions;
    private final TypeWriteLock typeLock;
    private final ResourceVersionTable versions;
    private final SearchIndexTable index;
    private final SearchIndexExtractor extractor;
    private final ResourceSearch search;
    private final ResourceJson json;
    private final Clock clock;

    ResourceWriter(SqlTransactions transactions, TypeWriteLock typeLock, ResourceVersionTable versions, SearchIndexTable index,
                   SearchIndexExtractor extractor, ResourceSearch search, ResourceJson json, Clock clock) {
        this.transactions = transactions;
        this.typeLock = typeLock;
        this.versions = versions;
        this.index = index;
        this.extractor = extractor;
        this.search = search;
        this.json = json;
        this.clock = clock;
    }

    /** POST: a server-assigned id, version 1. */
    WriteOutcome create(String type, IBaseResource resource) {
        return transactions.inTransaction("create " + type, c -> {
            typeLock.acquire(c, type);
            return store(c, type, newId(), Optional.empty(), resource);
        });
    }

    /** POST with If-None-Exist: the single match is returned unchanged, no match creates, several is 412. */
    WriteOutcome createIfNoneExist(String type, IBaseResource resource, SearchCriteria criteria) {
        return transactions.inTransaction("conditionally create " + type, c -> {
            typeLock.acquire(c, type);
            List<String> matches = search.matchingIds(c, type, criteria, ENOUGH_TO_SEE_AMBIGUITY);
            if (matches.size() > 1) {
                throw new PreconditionFailedException("Conditional create of " + type + " matched more than one resource");
            }
            if (matches.size() == 1) {
                LOG.debug("Conditional create matched existing {}/{}", type, matches.get(0));
                return existing(c, type, matches.get(0));
            }
            return store(c, type, newId(), Optional.empty(), resource);
        });
    }

    /**
     * PUT by id: a new version, or version 1 under the client's id (update-as-create).
     *
     * @param expectedVersion the If-Match version, or null to update whatever version is current
     */
    WriteOutcome update(String type, String id, Long expectedVersion, IBaseResource resource) {
        requireValidId(id);
        return transactions.inTransaction("update " + type + "/" + id, c -> {
            typeLock.acquire(c, type);
            Optional<CurrentVersion> current = versions.findCurrent(c, type, id);
            if (expectedVersion != null && current.map(CurrentVersion::versionId).orElse(0L) != expectedVersion.longValue()) {
                throw new PreconditionFailedException("If-Match version " + expectedVersion + " is not the current version of "
                        + type + "/" + id);
            }
            return store(c, type, id, current, resource);
        });
    }

    /**
     * PUT with search criteria: one match is updated, none creates (under the body's id if it has one that is
     * still free), several is 412.
     */
    WriteOutcome updateIfMatch(String type, IBaseResource resource, SearchCriteria criteria) {
        String bodyId = resource.getIdElement().getIdPart();
        return transactions.inTransaction("conditionally update " + type, c -> {
            typeLock.acquire(c, type);
            List<String> matches = search.matchingIds(c, type, criteria, ENOUGH_TO_SEE_AMBIGUITY);
            if (matches.size() > 1) {
                throw new PreconditionFailedException("Conditional update of " + type + " matched more than one resource");
            }
            if (matches.size() == 1) {
                String id = matches.get(0);
                if (bodyId != null && !bodyId.equals(id)) {
                    throw new InvalidRequestException("Conditional update matched " + type + "/" + id
                            + " but the resource body has id " + bodyId);
                }
                return store(c, type, id, versions.findCurrent(c, type, id), resource);
            }
            if (bodyId == null) {
                return store(c, type, newId(), Optional.empty(), resource);
            }
            requireValidId(bodyId);
            Optional<CurrentVersion> existing = versions.findCurrent(c, type, bodyId);
            if (existing.isPresent() && !existing.get().deleted()) {
                throw new ResourceVersionConflictException("Conditional update matched nothing, and " + type + "/" + bodyId
                        + " from the resource body exists but does not match the criteria");
            }
            return store(c, type, bodyId, existing, resource);
        });
    }

    /** DELETE: records a deletion version and drops the index rows; deleting again changes nothing. */
    WriteOutcome delete(String type, String id) {
        return transactions.inTransaction("delete " + type + "/" + id, c -> {
            typeLock.acquire(c, type);
            CurrentVersion current = versions.findCurrent(c, type, id)
                    .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
            if (current.deleted()) {
                return new WriteOutcome(null, new IdType(type, id, Long.toString(current.versionId())), false);
            }
            StoredVersion deletion = new StoredVersion(type, id, current.versionId() + 1, now(), null);
            versions.write(c, deletion, false);
            index.clear(c, type, id);
            LOG.debug("Deleted {}", deletion.reference());
            return new WriteOutcome(null, new IdType(type, id, Long.toString(deletion.versionId())), false);
        });
    }

    private WriteOutcome store(Connection c, String type, String id, Optional<CurrentVersion> current, IBaseResource resource)
            throws SQLException {
        long versionId = current.map(CurrentVersion::versionId).orElse(0L) + 1;
        Instant lastUpdated = now();
        ResourceJson.stamp(resource, type, id, versionId, lastUpdated);
        SearchIndex searchIndex = extractor.extract(type, resource);
        StoredVersion version = new StoredVersion(type, id, versionId, lastUpdated, json.encode(resource));
        versions.write(c, version, current.isEmpty());
        index.replace(c, type, id, searchIndex);
        boolean created = current.isEmpty() || current.get().deleted();
        LOG.debug("{} {}", created ? "Created" : "Updated", version.reference());
        return new WriteOutcome(resource, resource.getIdElement(), created);
    }

    private WriteOutcome existing(Connection c, String type, String id) throws SQLException {
        StoredVersion current = versions.readCurrent(c, type, id)
                .orElseThrow(() -> new IllegalStateException("Indexed resource has no current version: " + type + "/" + id));
        IBaseResource resource = json.decode(current);
        return new WriteOutcome(resource, resource.getIdElement(), false);
    }

    /** FHIR instants carry milliseconds; storing more would make meta.lastUpdated and _lastUpdated disagree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static void requireValidId(String id) {
        if (!FHIR_ID.matcher(id).matches()) {
            throw new InvalidRequestException("Resource id must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'");
        }
    }
}
