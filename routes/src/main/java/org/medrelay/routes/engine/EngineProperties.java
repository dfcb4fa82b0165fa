package org.medrelay.routes.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's configuration, merged from most general to most specific: the built-in defaults
 * ({@code medrelay-defaults.properties}), an {@code application.properties} file, environment variables
 * ({@code medrelay.mllp.port} as {@code MEDRELAY_MLLP_PORT}) and system properties. {@code ${key}}
 * references between values are resolved, so the data folder is named once.
 */
public final class EngineProperties {

    private static final String DEFAULTS = "/medrelay-defaults.properties";
    private static final String DATA_DIR = "medrelay.data.dir";
    /**
     * Payload encryption keys form a family named by their ids, which no defaults file can list:
     * {@code MEDRELAY_ENCRYPTION_KEY_K2026A} is {@code medrelay.encryption.key.k2026a}.
     */
    private static final String ENCRYPTION_KEY_VARIABLE = "MEDRELAY_ENCRYPTION_KEY_";
    private static final String ENCRYPTION_KEY_PROPERTY = "medrelay.encryption.key.";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final Properties values;

    private EngineProperties(Properties values) {
        this.values = values;
    }

    /**
     * @param configFile an application.properties to apply over the defaults, or null to use
     *                   {@code ./application.properties} when it exists
     */
    public static EngineProperties load(Path configFile, Map<String, String> environment, Properties system) {
        Properties merged = defaults();
        try {
            Path file = configFile != null ? configFile : Path.of("application.properties");
            if (configFile != null || Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    merged.load(reader);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read configuration: " + e.getMessage(), e);
        }
        for (String key : merged.stringPropertyNames()) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                merged.setProperty(key, fromEnvironment);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENCRYPTION_KEY_VARIABLE) && name.length() > ENCRYPTION_KEY_VARIABLE.length()) {
                merged.setProperty(ENCRYPTION_KEY_PROPERTY
                        + name.substring(ENCRYPTION_KEY_VARIABLE.length()).toLowerCase(java.util.Locale.ROOT), value);
            }
        });
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("medrelay.") || key.startsWith("camel.")) {
                merged.setProperty(key, system.getProperty(key));
            }
        }
        return resolved(merged);
    }

    /**
     * The built-in defaults with {@code overrides} applied over them, and nothing else: for a host that keeps
     * the configuration itself (Karaf's config admin), where the working directory and the environment are
     * the container's, not the engine's.
     */
    public static EngineProperties withOverrides(Map<String, String> overrides) {
        Properties merged = defaults();
        overrides.forEach(merged::setProperty);
        return resolved(merged);
    }

    private static Properties defaults() {
        Properties defaults = new Properties();
        try (InputStream in = EngineProperties.class.getResourceAsStream(DEFAULTS)) {
            defaults.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read configuration: " + e.getMessage(), e);
        }
        return defaults;
    }

    private static EngineProperties resolved(Properties merged) {
        // Relative data folders are taken from the working directory, once, so every ${medrelay.data.dir}
        // reference (H2 URLs among them, which must be absolute) names the same place.
        merged.setProperty(DATA_DIR, Path.of(merged.getProperty(DATA_DIR)).toAbsolutePath().normalize().toString());
        return new EngineProperties(resolveReferences(merged));
    }

    public static EngineProperties load(Path configFile) {
        return load(configFile, System.getenv(), System.getProperties());
    }

    /** {@code medrelay.mllp.max-frame-bytes} is read from {@code MEDRELAY_MLLP_MAX_FRAME_BYTES}. */
    static String environmentName(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    public String get(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing configuration property " + key);
        }
        return value.trim();
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public long getLong(String key) {
        return Long.parseLong(get(key));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** The data folder as an absolute path (relative values are taken from the working directory). */
    public Path dataDir() {
        return Path.of(get(DATA_DIR));
    }

    /** Everything, for Camel's property placeholders ({@code {{medrelay.mllp.port}}}). */
    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(values);
        return copy;
    }

    private static Properties resolveReferences(Properties raw) {
        Properties resolved = new Properties();
        for (String key : raw.stringPropertyNames()) {
            resolved.setProperty(key, resolve(raw.getProperty(key), raw, 0));
        }
        return resolved;
    }

    private static String resolve(String value, Properties raw, int depth) {
        if (depth > 10) {
            throw new IllegalArgumentException("configuration references nest too deep near " + value);
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String referenced = raw.getProperty(m.group(1));
            String replacement = referenced == null ? m.group(0) : resolve(referenced, raw, depth + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
