package org.medrelay.processors.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a mapped transaction Bundle to the EHR's FHIR API one entry at a time, in reference order,
 * using each entry's conditional request ({@code PUT Patient?identifier=...} or POST with
 * If-None-Exist). Conditional writes make a replay a no-op, so a message processed twice (after a
 * crash, or from the error store) never duplicates a resource.
 *
 * <p>Entry by entry rather than as one transaction because many EHR FHIR APIs accept conditional
 * updates but not transaction Bundles.
 */
public class FhirBundleWriter {

    private static final String URN_UUID = "urn:uuid:";

    private final FhirContext fhirContext;
    private final IGenericClient client;

    public FhirBundleWriter(FhirContext fhirContext, IGenericClient client) {
        this.fhirContext = fhirContext;
        this.client = client;
    }

    /** @return the server ids (Type/id) of the written resources, in the order written */
    public List<String> write(Bundle bundle) {
        return write(bundle, FhirWriteListener.NONE);
    }

    /**
     * Writes the bundle, telling {@code listener} about each request as it completes or fails (a failure
     * ends the write: the exception is rethrown after the listener heard of it).
     *
     * @return the server ids (Type/id) of the written resources, in the order written
     */
    public List<String> write(Bundle bundle, FhirWriteListener listener) {
        Map<String, String> serverIds = new HashMap<>();
        List<String> written = new ArrayList<>();
        for (BundleEntryComponent entry : inReferenceOrder(bundle.getEntry())) {
            Resource resource = entry.getResource().copy();
            resolveReferences(resource, serverIds);
            FhirWrite write;
            try {
                write = send(entry, resource);
            } catch (RuntimeException e) {
                FhirInteraction attempted = entry.getRequest().getMethod() == HTTPVerb.PUT
                        ? FhirInteraction.UPDATE : FhirInteraction.CREATE;
                listener.failed(resource.fhirType(), attempted, e);
                // HAPI's message quotes the URL, which holds the patient's identifier: rethrown without it.
                throw EhrWriteException.of(resource.fhirType(), attempted, e);
            }
            listener.written(write);
            if (entry.hasFullUrl()) {
                serverIds.put(entry.getFullUrl(), write.serverId());
            }
            written.add(write.serverId());
        }
        return written;
    }

    private FhirWrite send(BundleEntryComponent entry, Resource resource) {
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        MethodOutcome outcome;
        boolean update = request.getMethod() == HTTPVerb.PUT;
        if (update && request.getUrl().contains("?")) {
            outcome = client.update().resource(resource).conditionalByUrl(request.getUrl()).execute();
        } else if (update) {
            outcome = client.update().resource(resource).execute();
        } else if (request.hasIfNoneExist()) {
            outcome = client.create().resource(resource).conditionalByUrl(
                    resource.fhirType() + "?" + request.getIfNoneExist()).execute();
        } else {
            outcome = client.create().resource(resource).execute();
        }
        // The client sets "created" from the status code: 201 for a new resource, 200 for an existing one.
        FhirInteraction interaction;
        if (Boolean.TRUE.equals(outcome.getCreated())) {
            interaction = FhirInteraction.CREATE;
        } else if (update) {
            interaction = FhirInteraction.UPDATE;
        } else {
            interaction = request.hasIfNoneExist() ? FhirInteraction.MATCH : FhirInteraction.CREATE;
        }
        return new FhirWrite(outcome.getId().toUnqualifiedVersionless().getValue(), interaction);
    }

    /** Entries whose urn:uuid references are all written come first; a reference cycle is a mapping error. */
    private List<BundleEntryComponent> inReferenceOrder(List<BundleEntryComponent> entries) {
        List<BundleEntryComponent> pending = new ArrayList<>(entries);
        List<BundleEntryComponent> ordered = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        while (!pending.isEmpty()) {
            BundleEntryComponent ready = pending.stream()
                    .filter(e -> placed.containsAll(localReferences(e.getResource())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("bundle references form a cycle"));
            pending.remove(ready);
            ordered.add(ready);
            placed.add(ready.getFullUrl());
        }
        return ordered;
    }

    private List<String> localReferences(Resource resource) {
        FhirTerser terser = fhirContext.newTerser();
        return terser.getAllPopulatedChildElementsOfType(resource, Reference.class).stream()
                .map(Reference::getReference)
                .filter(r -> r != null && r.startsWith(URN_UUID))
                .toList();
    }

    private void resolveReferences(Resource resource, Map<String, String> serverIds) {
        FhirTerser terser = fhirContext.newTerser();
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String target = reference.getReference();
            if (target != null && target.startsWith(URN_UUID)) {
                String serverId = serverIds.get(target);
                if (serverId == null) {
                    throw new IllegalStateException("reference to an entry that is not in the bundle");
                }
                reference.setReference(serverId);
            }
        }
    }
}
