package org.medrelay.mappings.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.Hl7Parser;
import org.medrelay.mappings.hl7v2.Hl7Segment;
import org.medrelay.mappings.hl7v2.Hl7Segments;
import org.medrelay.mappings.hl7v2.RedactedCause;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one HL7v2 message to a FHIR R4 transaction bundle, as the YAML files under {@code hl7/}
 * describe (see {@code hl7/README.md}): {@code message/<TYPE>.yml} lists the resources to build from
 * which segments, {@code resource/*.yml} fills each resource, {@code datatype/*.yml} converts HL7
 * datatypes, {@code table/*.yml} translates codes, {@code settings.yml} names identifier systems.
 * Every entry is a conditional update {@code PUT <Type>?identifier=<system>|<value>}; references
 * between entries use their {@code urn:uuid} fullUrls. Files are compiled once and checked against
 * the FHIR definitions when first used; one mapper serves concurrent messages.
 */
public final class Hl7ToFhirMapper {

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final MappingLibrary library;
    private final ElementBuilder builder;
    private final ResourcePlanner planner;
    private final IdentifierSystems identifierSystems;
    private final BundleAssembler assembler;
    private final Hl7Parser parser = new Hl7Parser();

    /** Uses the mappings shipped in this jar. */
    public Hl7ToFhirMapper() {
        this(null);
    }

    /**
     * @param overrideFolder a folder laid out like {@code hl7/} on the classpath ({@code message/},
     *                       {@code resource/}, {@code datatype/}, {@code table/}, {@code settings.yml});
     *                       a file there replaces the shipped file of the same name; null for none
     */
    public Hl7ToFhirMapper(Path overrideFolder) {
        this.library = new MappingLibrary(overrideFolder, new TemplateChecker(fhir));
        this.builder = new ElementBuilder(library);
        this.planner = new ResourcePlanner(library.settings());
        this.identifierSystems = new IdentifierSystems(library.settings());
        this.assembler = new BundleAssembler(fhir);
    }

    /** True when a mapping covers this message type and trigger event (e.g. "ADT", "A01"). */
    public boolean supports(String messageType, String triggerEvent) {
        return library.message(messageType, triggerEvent).map(m -> m.covers(triggerEvent)).orElse(false);
    }

    /** Parses (charset from MSH-18, see {@link org.medrelay.mappings.hl7v2.Hl7Charsets}) and maps one message. */
    public Bundle toBundle(byte[] raw) throws Hl7InputException {
        return toBundle(parser.parse(raw));
    }

    public Bundle toBundle(String text) throws Hl7InputException {
        return toBundle(parser.parse(text));
    }

    /**
     * @throws Hl7InputException UNSUPPORTED_MESSAGE_TYPE (200) for a type no file maps,
     *                           UNSUPPORTED_EVENT_CODE (201) for an event its file does not list,
     *                           REQUIRED_FIELD_MISSING (101) for a missing required segment
     */
    public Bundle toBundle(Message message) throws Hl7InputException {
        List<Hl7Segment> segments = segments(message);
        String[] typeAndEvent = ResourcePlanner.typeAndEvent(segments);
        MessageContext context = planner.plan(segments, mappingFor(typeAndEvent[0], typeAndEvent[1]));
        List<BundleAssembler.Built> built = new ArrayList<>();
        for (ResourceInstance instance : context.instances()) {
            built.add(build(instance, context));
        }
        return assembler.assemble(built);
    }

    private MessageMapping mappingFor(String type, String event) throws Hl7InputException {
        String named = event.isEmpty() ? type : type + "^" + event;
        MessageMapping mapping = library.message(type, event).orElseThrow(() -> new Hl7InputException(
                ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "message type " + named + " is not mapped to FHIR", "MSH", 9));
        if (!mapping.covers(event)) {
            throw new Hl7InputException(ErrorCode.UNSUPPORTED_EVENT_CODE,
                    "trigger event " + named + " is not mapped to FHIR", "MSH", 9);
        }
        return mapping;
    }

    private BundleAssembler.Built build(ResourceInstance instance, MessageContext context) {
        ResourceMapping mapping = instance.mapping();
        ElementTemplate template = library.resource(mapping.template());
        RuntimeResourceDefinition definition = fhir.getResourceDefinition(mapping.resourceType());
        Resource resource = (Resource) definition.newInstance();
        builder.fill(resource, definition, template.elements(), template.file(), new MappingScope(context, instance));
        return new BundleAssembler.Built(instance, resource, key(resource, definition, instance, context));
    }

    /**
     * The identifier the conditional update matches on: the first complete one the mapping gave,
     * else one derived from the message (facility, MSH-10, segment position), stable on replay.
     */
    private Identifier key(Resource resource, RuntimeResourceDefinition definition, ResourceInstance instance,
                           MessageContext context) {
        BaseRuntimeChildDefinition identifiers = definition.getChildByName("identifier");
        for (IBase value : identifiers.getAccessor().getValues(resource)) {
            Identifier identifier = (Identifier) value;
            if (identifier.hasSystem() && identifier.hasValue()) {
                return identifier;
            }
        }
        Hl7Segment segment = context.segments().get(instance.primary());
        Identifier derived = new Identifier()
                .setSystem(identifierSystems.derivedSystem(context.facility()))
                .setValue(context.messageKey() + "-" + segment.name() + "-" + segment.position());
        identifiers.getMutator().addValue(resource, derived);
        return derived;
    }

    private static List<Hl7Segment> segments(Message message) throws Hl7InputException {
        List<Hl7Segment> segments;
        try {
            segments = Hl7Segments.of(message);
        } catch (HL7Exception e) {
            throw new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR, "cannot read the parsed message",
                    null, 0, 0, RedactedCause.of(e));
        }
        if (segments.isEmpty() || !segments.get(0).name().equals("MSH")) {
            throw new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR, "message has no MSH segment", "MSH", 0);
        }
        return segments;
    }
}
