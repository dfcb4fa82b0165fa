package org.medrelay.mappings.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.RuntimePrimitiveDatatypeDefinition;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.medrelay.mappings.hl7v2.Hl7Repetition;
import org.medrelay.mappings.hl7v2.Hl7Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The interpreter: fills a FHIR element from a template's rules, through HAPI FHIR's runtime
 * definitions, so templates name elements exactly as the FHIR specification does (choice elements
 * by their typed name, {@code valueQuantity}). A value that does not convert to its element's
 * type is left out and logged by location, never by value.
 */
final class ElementBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ElementBuilder.class);

    private final MappingLibrary library;
    private final IdentifierSystems identifierSystems;

    ElementBuilder(MappingLibrary library) {
        this.library = library;
        this.identifierSystems = new IdentifierSystems(library.settings());
    }

    /** Values made by one rule; {@code fromMessage} is false when they are only constants or defaults. */
    private record Produced(List<IBase> values, boolean fromMessage) {
        static final Produced NONE = new Produced(List.of(), false);
    }

    /** Fills {@code target}; true when at least one element got a value read from the message. */
    boolean fill(IBase target, BaseRuntimeElementCompositeDefinition<?> definition, Map<String, List<Rule>> elements,
                 String file, MappingScope scope) {
        boolean fromMessage = false;
        for (Map.Entry<String, List<Rule>> entry : elements.entrySet()) {
            String name = entry.getKey();
            BaseRuntimeChildDefinition child = definition.getChildByName(name);
            if (child == null) {
                throw new MappingDefinitionException(file, definition.getName() + " has no element '" + name + "'");
            }
            boolean repeating = child.getMax() != 1;
            for (Rule rule : entry.getValue()) {
                Produced produced = produce(rule, child, name, file, scope);
                if (produced.values().isEmpty()) {
                    continue;
                }
                fromMessage |= produced.fromMessage();
                if (repeating) {
                    produced.values().forEach(value -> child.getMutator().addValue(target, value));
                } else {
                    child.getMutator().setValue(target, produced.values().get(0));
                    break;
                }
            }
        }
        return fromMessage;
    }

    private Produced produce(Rule rule, BaseRuntimeChildDefinition child, String name, String file,
                             MappingScope scope) {
        if (rule.forEach() == null) {
            return rule.when() == null || rule.when().holds(scope) ? produceOne(rule, child, name, file, scope)
                    : Produced.NONE;
        }
        List<IBase> values = new ArrayList<>();
        boolean fromMessage = false;
        for (Hl7Segment segment : scope.region(rule.forEach())) {
            MappingScope each = scope.withSegment(segment);
            if (rule.when() == null || rule.when().holds(each)) {
                Produced produced = produceOne(rule, child, name, file, each);
                values.addAll(produced.values());
                fromMessage |= produced.fromMessage();
            }
        }
        return new Produced(values, fromMessage);
    }

    private Produced produceOne(Rule rule, BaseRuntimeChildDefinition child, String name, String file,
                                MappingScope scope) {
        BaseRuntimeElementDefinition<?> definition = child.getChildByName(name);
        if (rule.ref() != null || rule.refs() != null) {
            return references(rule, child, definition, scope);
        }
        boolean valueRule = !rule.from().isEmpty() || rule.join() != null || rule.collect() != null
                || rule.constant() != null || !rule.authority().isEmpty() || rule.defaultValue() != null;
        if (rule.hasElements() && !valueRule) {
            IBase element = definition.newInstance(child.getInstanceConstructorArguments());
            boolean filled = fill(element, composite(definition, name, file), rule.elements(), file, scope);
            if (filled || !rule.readsMessageDeep()) {
                return new Produced(List.of(element), filled);
            }
            return Produced.NONE;
        }
        List<Hl7Repetition> sources = new SourceReader(identifierSystems, library).read(rule, scope,
                child.getMax() != 1);
        if (sources.isEmpty()) {
            return Produced.NONE;
        }
        boolean fromMessage = rule.readsMessage() && !usedDefault(rule, scope);
        List<IBase> values = new ArrayList<>();
        for (Hl7Repetition source : sources) {
            IBase value = convert(rule, child, definition, name, file, scope, source);
            if (value != null) {
                values.add(value);
            }
        }
        return new Produced(values, fromMessage);
    }

    private static boolean usedDefault(Rule rule, MappingScope scope) {
        return rule.defaultValue() != null && rule.from().stream().allMatch(p -> scope.values(p).isEmpty())
                && rule.join() == null && rule.collect() == null;
    }

    private IBase convert(Rule rule, BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> definition,
                          String name, String file, MappingScope scope, Hl7Repetition source) {
        if (rule.as() != null) {
            ElementTemplate template = library.datatype(rule.as());
            if (!template.fhirType().equals(definition.getName())) {
                throw new MappingDefinitionException(file, name + " is a " + definition.getName()
                        + " but datatype " + rule.as() + " makes a " + template.fhirType());
            }
            IBase element = definition.newInstance(child.getInstanceConstructorArguments());
            boolean filled = fill(element, composite(definition, name, file), template.elements(), template.file(),
                    scope.withValue(source));
            return filled ? element : null;
        }
        if (!(definition instanceof RuntimePrimitiveDatatypeDefinition)) {
            throw new MappingDefinitionException(file, name + " is a " + definition.getName()
                    + ": convert it with 'as: <datatype>' or build it with nested elements");
        }
        String text = source.text();
        if ("base64".equals(rule.encode())) {
            text = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
        String lexical = FhirPrimitives.convert(definition.getName(), text, library.settings().timeZone());
        if (lexical == null) {
            LOG.debug("{}: value for '{}' is not a valid FHIR {}, left out", file, name, definition.getName());
            return null;
        }
        IBase element = definition.newInstance(child.getInstanceConstructorArguments());
        try {
            ((IPrimitiveType<?>) element).setValueAsString(lexical);
            return element;
        } catch (DataFormatException | IllegalArgumentException invalid) {
            LOG.debug("{}: value for '{}' is not a valid code or {}, left out", file, name, definition.getName());
            return null;
        }
    }

    private Produced references(Rule rule, BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> definition,
                                MappingScope scope) {
        MessageContext message = scope.message();
        List<ResourceInstance> targets = rule.ref() != null
                ? message.owner(rule.ref(), scope.instance()).stream().toList()
                : message.owned(rule.refs(), scope.instance());
        List<IBase> references = new ArrayList<>();
        for (ResourceInstance target : targets) {
            IBase reference = definition.newInstance(child.getInstanceConstructorArguments());
            ((IBaseReference) reference).setReference(target.fullUrl());
            references.add(reference);
        }
        return new Produced(references, !references.isEmpty());
    }

    /** The element's definition as one with nested elements, or the definition error a template author sees. */
    static BaseRuntimeElementCompositeDefinition<?> composite(BaseRuntimeElementDefinition<?> definition,
                                                              String name, String file) {
        if (definition instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
            return composite;
        }
        throw new MappingDefinitionException(file, name + " is a primitive " + definition.getName()
                + ": it has no nested elements");
    }
}
