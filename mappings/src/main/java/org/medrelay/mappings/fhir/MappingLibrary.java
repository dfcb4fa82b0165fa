package org.medrelay.mappings.fhir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads and compiles the mapping files once and keeps them: message mappings
 * ({@code message/<TYPE>.yml}, or {@code message/<TYPE>_<EVENT>.yml} for one event), resource and
 * datatype templates, code tables and {@code settings.yml}. Thread-safe: the engine maps messages
 * concurrently with one library.
 */
final class MappingLibrary {

    private static final Set<String> TEMPLATE_KEYS = Set.of("resourceType", "fhirType");

    /** Above this many cached lookups of message files that do not exist, misses are no longer cached. */
    private static final int MAX_CACHED_MISSES = 10_000;

    private final MappingFiles files;
    private final TemplateChecker checker;
    private final Map<String, Optional<MessageMapping>> messages = new ConcurrentHashMap<>();
    private final Map<String, ElementTemplate> resources = new ConcurrentHashMap<>();
    private final Map<String, ElementTemplate> datatypes = new ConcurrentHashMap<>();
    private final Map<String, CodeTable> tables = new ConcurrentHashMap<>();
    private final MappingSettings settings;

    MappingLibrary(Path overrideFolder, TemplateChecker checker) {
        this.files = new MappingFiles(overrideFolder);
        this.checker = checker;
        this.settings = loadSettings();
    }

    MappingSettings settings() {
        return settings;
    }

    /** The mapping for this type and event: an event-specific file wins over the file for the type. */
    Optional<MessageMapping> message(String messageType, String event) {
        Optional<MessageMapping> specific = event.isEmpty() ? Optional.empty() : cachedMessage(messageType + "_" + event);
        return specific.isPresent() ? specific : cachedMessage(messageType);
    }

    /** Type and event come from the sender: cap the cache of misses so odd codes cannot grow it without bound. */
    private Optional<MessageMapping> cachedMessage(String name) {
        Optional<MessageMapping> cached = messages.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<MessageMapping> loaded = loadMessage(name);
        if (loaded.isPresent() || messages.size() < MAX_CACHED_MISSES) {
            messages.putIfAbsent(name, loaded);
        }
        return loaded;
    }

    ElementTemplate resource(String name) {
        return resources.computeIfAbsent(name, n -> template("resource/" + n + ".yml", "resourceType"));
    }

    ElementTemplate datatype(String name) {
        return datatypes.computeIfAbsent(name, n -> template("datatype/" + n + ".yml", "fhirType"));
    }

    CodeTable table(String name) {
        return tables.computeIfAbsent(name, this::loadTable);
    }

    private Optional<MessageMapping> loadMessage(String name) {
        if (!name.matches("[A-Z0-9_]+")) {
            return Optional.empty();
        }
        String file = "message/" + name + ".yml";
        return files.read(file).map(yaml -> compileMessage(file, yaml));
    }

    private MessageMapping compileMessage(String file, Map<?, ?> yaml) {
        String type = required(yaml, "messageType", file);
        Set<String> events = new LinkedHashSet<>(strings(yaml.get("events")));
        if (events.isEmpty()) {
            throw new MappingDefinitionException(file, "events: list the trigger events this file maps, or [\"*\"]");
        }
        if (!(yaml.get("resources") instanceof List<?> list) || list.isEmpty()) {
            throw new MappingDefinitionException(file, "resources: list the resources to build");
        }
        List<ResourceMapping> resourceMappings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw new MappingDefinitionException(file, "each resources entry must be a map");
            }
            String resourceType = required(entry, "resource", file);
            String template = entry.get("template") == null ? resourceType : String.valueOf(entry.get("template"));
            checker.checkResource(resource(template), resourceType, this::datatype, this::table);
            resourceMappings.add(new ResourceMapping(resourceType, template, required(entry, "segment", file),
                    Set.copyOf(strings(entry.get("with"))), "true".equalsIgnoreCase(String.valueOf(entry.get("required"))),
                    entry.get("when") == null ? null : Condition.compile(entry.get("when"), file)));
        }
        return new MessageMapping(file, type, Set.copyOf(events), List.copyOf(resourceMappings));
    }

    private ElementTemplate template(String file, String typeKey) {
        Map<?, ?> yaml = files.read(file)
                .orElseThrow(() -> new MappingDefinitionException(file, "no such mapping file"));
        String fhirType = required(yaml, typeKey, file);
        return new ElementTemplate(file, fhirType, new RuleCompiler(file).elements(yaml, TEMPLATE_KEYS));
    }

    private CodeTable loadTable(String name) {
        String file = "table/" + name + ".yml";
        Map<?, ?> yaml = files.read(file)
                .orElseThrow(() -> new MappingDefinitionException(file, "no such code table"));
        if (!(yaml.get("codes") instanceof Map<?, ?> codes)) {
            throw new MappingDefinitionException(file, "codes: map each HL7 code to a FHIR code");
        }
        Map<String, String> upper = new LinkedHashMap<>();
        codes.forEach((k, v) -> upper.put(String.valueOf(k).toUpperCase(Locale.ROOT), String.valueOf(v)));
        Object fallback = yaml.get("default");
        return new CodeTable(name, Map.copyOf(upper), fallback == null ? null : String.valueOf(fallback));
    }

    private MappingSettings loadSettings() {
        String file = "settings.yml";
        Map<?, ?> yaml = files.read(file).orElseThrow(() -> new MappingDefinitionException(file, "missing"));
        return new MappingSettings(stringMap(yaml.get("authorities")), stringMap(yaml.get("identifierTypeSystems")),
                required(yaml, "authoritySystem", file), required(yaml, "facilitySystem", file),
                required(yaml, "derivedSystem", file), ZoneId.of(required(yaml, "timeZone", file)));
    }

    private static String required(Map<?, ?> yaml, String key, String file) {
        Object value = yaml.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new MappingDefinitionException(file, key + " is required");
        }
        return String.valueOf(value).trim();
    }

    private static List<String> strings(Object yaml) {
        if (yaml == null) {
            return List.of();
        }
        List<?> list = yaml instanceof List<?> l ? l : List.of(yaml);
        return list.stream().map(String::valueOf).map(String::trim).toList();
    }

    private static Map<String, String> stringMap(Object yaml) {
        Map<String, String> map = new LinkedHashMap<>();
        if (yaml instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
        }
        return Map.copyOf(map);
    }
}
