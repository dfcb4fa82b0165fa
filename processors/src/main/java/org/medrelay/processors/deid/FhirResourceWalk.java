package org.medrelay.processors.deid;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Person;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a resource tree (a Bundle's entries and contained resources included), for one
 * session. Datatypes that carry identifiers are handled where they are met; every other string
 * (Observation.valueString, Annotation.text, Reference.display, CodeableConcept.text, ...) and the
 * narratives go through the free-text pass after the whole tree, when its names are known.
 */
final class FhirResourceWalk {

    private final FhirElementRules rules;
    private final FhirDatatypeScrubber scrubber;
    private final FhirNarrativeText narratives;
    private final FreeTextDeidentifier freeText;
    private final DeidentificationSession session;
    private final FhirReferenceIds ids;
    private final List<Runnable> afterStructured = new ArrayList<>();

    FhirResourceWalk(FhirElementRules rules, FhirDatatypeScrubber scrubber, FhirNarrativeText narratives,
                     FreeTextDeidentifier freeText, DeidentificationSession session) {
        this.rules = rules;
        this.scrubber = scrubber;
        this.narratives = narratives;
        this.freeText = freeText;
        this.session = session;
        this.ids = new FhirReferenceIds(rules, session);
    }

    void run(Resource root) {
        resource(root);
        afterStructured.forEach(Runnable::run);
    }

    private void resource(Resource resource) {
        String type = resource.fhirType();
        if (rules.keeps(type, session.policy())) {
            return;
        }
        removePhotos(resource);
        if (resource.getIdElement().hasIdPart()) {
            resource.setId(ids.id(type, resource.getIdElement().getIdPart()));
        }
        children(resource, type, type);
    }

    private void children(Base element, String path, String owner) {
        for (Property property : element.children()) {
            String name = property.getName().replace("[x]", "");
            if (name.equals("id")) {
                continue;
            }
            for (Base child : new ArrayList<>(property.getValues())) {
                visit(child, path + "." + name, owner);
            }
        }
    }

    private void visit(Base element, String path, String owner) {
        if (element instanceof Resource resource) {
            resource(resource);
            return;
        }
        FhirElementRules.Rule rule = rules.element(path);
        if (rule != null && element instanceof PrimitiveType<?> primitive) {
            elementRule(rule, primitive);
            return;
        }
        if (element instanceof HumanName name) {
            scrubber.name(name, session);
            extensions(name, path, owner);
        } else if (element instanceof Address address) {
            scrubber.address(address, session);
            extensions(address, path, owner);
        } else if (element instanceof ContactPoint contact) {
            scrubber.telecom(contact, session);
            extensions(contact, path, owner);
        } else if (element instanceof Identifier identifier) {
            scrubber.identifier(identifier, owner, session);
            extensions(identifier, path, owner);
            if (identifier.hasAssigner()) {
                visit(identifier.getAssigner(), path + ".assigner", owner);
            }
        } else if (element instanceof Attachment attachment) {
            afterStructured.add(scrubber.attachment(attachment, session));
        } else if (element instanceof Narrative narrative) {
            afterStructured.add(() -> narratives.deidentify(narrative, session));
        } else if (element instanceof Age age) {
            scrubber.age(age, session);
        } else if (element instanceof BaseDateTimeType date) {
            scrubber.date(date, false, session);
        } else if (element instanceof Reference reference) {
            reference(reference, path, owner);
        } else if (element instanceof Bundle.BundleEntryComponent entry) {
            entry.setFullUrl(ids.reference(entry.getFullUrl()));
            children(entry, path, owner);
        } else if (element instanceof Bundle.BundleEntryRequestComponent request) {
            request.setUrl(freeText.deidentify(ids.reference(request.getUrl()), session));
        } else if (element.getClass() == StringType.class || element instanceof MarkdownType) {
            PrimitiveType<?> text = (PrimitiveType<?>) element;
            afterStructured.add(() -> text.setValueAsString(freeText.deidentify(text.getValueAsString(), session)));
        } else if (!element.isPrimitive() && !(element instanceof Coding) && !(element instanceof Quantity)) {
            children(element, path, owner);
        }
    }

    /** Extensions on a datatype handled as a whole (an HL7v2 XPN component kept as a string extension, say). */
    private void extensions(Element element, String path, String owner) {
        for (Extension extension : element.getExtension()) {
            visit(extension, path + ".extension", owner);
        }
    }

    private void reference(Reference reference, String path, String owner) {
        if (reference.hasReference()) {
            reference.setReference(ids.reference(reference.getReference()));
        }
        if (reference.hasDisplay()) {
            afterStructured.add(() -> reference.setDisplay(freeText.deidentify(reference.getDisplay(), session)));
        }
        if (reference.hasIdentifier()) {
            visit(reference.getIdentifier(), path + ".identifier", owner);
        }
    }

    private void elementRule(FhirElementRules.Rule rule, PrimitiveType<?> primitive) {
        switch (rule.treatment()) {
            case PSEUDONYM -> primitive.setValueAsString(session.pseudonym(rule.kind(), primitive.getValueAsString()));
            case DROP -> {
                if (!primitive.isEmpty()) {
                    session.countRemoved(rule.kind());
                }
                primitive.setValue(null);
            }
            case BIRTH_DATE -> {
                if (primitive instanceof BaseDateTimeType date) {
                    scrubber.date(date, true, session);
                }
            }
        }
    }

    /** Photos of the person a resource is about (Safe Harbor Q) are removed whole. */
    private void removePhotos(Resource resource) {
        List<Attachment> photos = resource instanceof Patient p ? p.getPhoto()
                : resource instanceof Person p && p.hasPhoto() ? List.of(p.getPhoto())
                : resource instanceof RelatedPerson r ? r.getPhoto()
                : resource instanceof Practitioner p ? p.getPhoto() : List.of();
        for (int i = 0; i < photos.size(); i++) {
            session.countRemoved(IdentifierKind.PHOTO);
        }
        if (resource instanceof Patient p) {
            p.setPhoto(null);
        } else if (resource instanceof Person p) {
            p.setPhoto(null);
        } else if (resource instanceof RelatedPerson r) {
            r.setPhoto(null);
        } else if (resource instanceof Practitioner p) {
            p.setPhoto(null);
        }
    }
}
