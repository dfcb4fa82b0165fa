package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateAndListParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

import java.util.List;

/**
 * The REST interactions of one resource type, bound by HAPI from the annotations below and served from the
 * relational store. One instance per served type; public only because HAPI invokes these methods reflectively.
 */
public final class StoredResourceProvider<T extends IBaseResource> implements IResourceProvider {

    private final Class<T> resourceClass;
    private final String resourceType;
    private final ResourceReader reader;
    private final ResourceWriter writer;
    private final ConditionalUrl conditionalUrl;
    private final SearchParameterCatalog catalog;

    StoredResourceProvider(Class<T> resourceClass, String resourceType, ResourceReader reader, ResourceWriter writer,
                           ConditionalUrl conditionalUrl, SearchParameterCatalog catalog) {
        this.resourceClass = resourceClass;
        this.resourceType = resourceType;
        this.reader = reader;
        this.writer = writer;
        this.conditionalUrl = conditionalUrl;
        this.catalog = catalog;
    }

    @Override
    public Class<T> getResourceType() {
        return resourceClass;
    }

    /** read, and vread when the id carries a version. */
    @Read(version = true)
    public T read(@IdParam IIdType id) {
        IBaseResource resource = id.hasVersionIdPart()
                ? reader.readVersion(resourceType, id.getIdPart(), versionOf(id))
                : reader.read(resourceType, id.getIdPart());
        return resourceClass.cast(resource);
    }

    @Create
    public MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String ifNoneExist) {
        WriteOutcome outcome = ifNoneExist == null || ifNoneExist.isBlank()
                ? writer.create(resourceType, resource)
                : writer.createIfNoneExist(resourceType, resource, conditionalUrl.parse(resourceType, ifNoneExist));
        return outcome.toMethodOutcome();
    }

    /** PUT by id (HAPI puts an If-Match version on the id), or by search criteria when conditional. */
    @Update
    public MethodOutcome update(@IdParam IIdType id, @ResourceParam T resource, @ConditionalUrlParam String conditional) {
        if (conditional != null && !conditional.isBlank()) {
            return writer.updateIfMatch(resourceType, resource, conditionalUrl.parse(resourceType, conditional)).toMethodOutcome();
        }
        if (id == null || !id.hasIdPart()) {
            throw new InvalidRequestException("An update needs a resource id in the URL or search criteria");
        }
        Long expectedVersion = id.hasVersionIdPart() ? versionOf(id) : null;
        return writer.update(resourceType, id.getIdPart(), expectedVersion, resource).toMethodOutcome();
    }

    @Delete
    public MethodOutcome delete(@IdParam IIdType id) {
        return writer.delete(resourceType, id.getIdPart()).toMethodOutcome();
    }

    @History
    public List<IBaseResource> history(@IdParam IIdType id) {
        return reader.history(resourceType, id.getIdPart());
    }

    /**
     * Every type declares the same parameters; those a type does not define in R4 (say {@code Organization?patient})
     * are refused with 400 by {@link SearchCriteriaBuilder} and left out of the CapabilityStatement. No parameters
     * lists every live resource of the type. {@code _count} and paging are handled by HAPI.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = SearchParameterCatalog.ID) TokenAndListParam ids,
            @OptionalParam(name = SearchParameterCatalog.IDENTIFIER) TokenAndListParam identifiers,
            @OptionalParam(name = SearchParameterCatalog.LAST_UPDATED) DateRangeParam lastUpdated,
            @OptionalParam(name = SearchParameterCatalog.PATIENT, chainWhitelist = OptionalParam.ALLOW_CHAIN_NOTCHAINED)
            ReferenceAndListParam patient,
            @OptionalParam(name = SearchParameterCatalog.SUBJECT, chainWhitelist = OptionalParam.ALLOW_CHAIN_NOTCHAINED)
            ReferenceAndListParam subject,
            @OptionalParam(name = SearchParameterCatalog.BENEFICIARY, chainWhitelist = OptionalParam.ALLOW_CHAIN_NOTCHAINED)
            ReferenceAndListParam beneficiary,
            @OptionalParam(name = SearchParameterCatalog.FAMILY) StringAndListParam family,
            @OptionalParam(name = SearchParameterCatalog.GIVEN) StringAndListParam given,
            @OptionalParam(name = SearchParameterCatalog.NAME) StringAndListParam name,
            @OptionalParam(name = SearchParameterCatalog.BIRTHDATE) DateAndListParam birthdate) {
        SearchCriteria criteria = new SearchCriteriaBuilder(resourceType, catalog)
                .ids(ids)
                .identifiers(identifiers)
                .lastUpdated(lastUpdated)
                .references(SearchParameterCatalog.PATIENT, patient)
                .references(SearchParameterCatalog.SUBJECT, subject)
                .references(SearchParameterCatalog.BENEFICIARY, beneficiary)
                .strings(SearchParameterCatalog.FAMILY, family)
                .strings(SearchParameterCatalog.GIVEN, given)
                .strings(SearchParameterCatalog.NAME, name)
                .dates(SearchParameterCatalog.BIRTHDATE, birthdate)
                .build();
        return reader.search(resourceType, criteria);
    }

    private static long versionOf(IIdType id) {
        if (!id.isVersionIdPartValidLong()) {
            throw new InvalidRequestException("Version ids on this server are numbers");
        }
        return id.getVersionIdPartAsLong();
    }
}
