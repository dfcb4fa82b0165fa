package org.medrelay.mappings.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimePrimitiveDatatypeDefinition;
import ca.uhn.fhir.parser.DataFormatException;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a template against the FHIR R4 definitions when it is loaded, so a misspelt element, a
 * datatype template of the wrong type or a missing code table is reported at once, naming the file
 * and element, rather than on the first message whose data reaches that rule.
 */
final class TemplateChecker {

    private final FhirContext fhir;

    TemplateChecker(FhirContext fhir) {
        this.fhir = fhir;
    }

    void checkResource(ElementTemplate template, String resourceType, Function<String, ElementTemplate> datatypes,
                       Function<String, CodeTable> tables) {
        if (!template.fhirType().equals(resourceType)) {
            throw new MappingDefinitionException(template.file(), "builds a " + template.fhirType()
                    + " but the message mapping asks for a " + resourceType);
        }
        BaseRuntimeElementCompositeDefinition<?> definition;
        try {
            definition = fhir.getResourceDefinition(resourceType);
        } catch (DataFormatException unknown) {
            throw new MappingDefinitionException(template.file(), resourceType + " is not an R4 resource type");
        }
        new Walk(datatypes, tables).elements(definition, template.elements(), template.file());
    }

    /** One check of one template tree; remembers the datatype templates already checked. */
    private static final class Walk {
        private final Function<String, ElementTemplate> datatypes;
        private final Function<String, CodeTable> tables;
        private final Set<String> checkedDatatypes = new HashSet<>();

        Walk(Function<String, ElementTemplate> datatypes, Function<String, CodeTable> tables) {
            this.datatypes = datatypes;
            this.tables = tables;
        }

        void elements(BaseRuntimeElementCompositeDefinition<?> definition, Map<String, List<Rule>> elements,
                      String file) {
            for (Map.Entry<String, List<Rule>> entry : elements.entrySet()) {
                String name = entry.getKey();
                BaseRuntimeChildDefinition child = definition.getChildByName(name);
                if (child == null) {
                    throw new MappingDefinitionException(file, definition.getName() + " has no element '" + name + "'");
                }
                BaseRuntimeElementDefinition<?> target = child.getChildByName(name);
                for (Rule rule : entry.getValue()) {
                    rule(name, target, rule, file);
                }
            }
        }

        private void rule(String name, BaseRuntimeElementDefinition<?> target, Rule rule, String file) {
            if (rule.table() != null) {
                tables.apply(rule.table());
            }
            if (rule.ref() != null || rule.refs() != null) {
                if (!"Reference".equals(target.getName())) {
                    throw new MappingDefinitionException(file, name + " is a " + target.getName() + ", not a Reference");
                }
                return;
            }
            boolean valueRule = !rule.from().isEmpty() || rule.join() != null || rule.collect() != null
                    || rule.constant() != null || !rule.authority().isEmpty() || rule.defaultValue() != null;
            if (rule.hasElements() && !valueRule) {
                elements(ElementBuilder.composite(target, name, file), rule.elements(), file);
            } else if (rule.as() != null) {
                datatype(name, target, rule.as(), file);
            } else if (!(target instanceof RuntimePrimitiveDatatypeDefinition)) {
                throw new MappingDefinitionException(file, name + " is a " + target.getName()
                        + ": convert it with 'as: <datatype>' or build it with nested elements");
            }
        }

        private void datatype(String name, BaseRuntimeElementDefinition<?> target, String datatypeName, String file) {
            ElementTemplate datatype = datatypes.apply(datatypeName);
            if (!datatype.fhirType().equals(target.getName())) {
                throw new MappingDefinitionException(file, name + " is a " + target.getName() + " but datatype "
                        + datatypeName + " makes a " + datatype.fhirType());
            }
            if (checkedDatatypes.add(datatypeName)) {
                elements(ElementBuilder.composite(target, name, datatype.file()), datatype.elements(), datatype.file());
            }
        }
    }
}
