package org.medrelay.mappings.fhir;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a mapping file: first in the override folder (same layout as {@code hl7/} on the classpath:
 * {@code message/ADT.yml}, {@code resource/Patient.yml}...), then among the defaults shipped in
 * this jar. An override replaces the default file of the same name as a whole.
 */
final class MappingFiles {

    private static final String CLASSPATH_ROOT = "hl7/";

    private final Path overrideFolder;

    MappingFiles(Path overrideFolder) {
        this.overrideFolder = overrideFolder;
    }

    /** The YAML map in {@code relativePath} (e.g. {@code resource/Patient.yml}), or empty when no such file. */
    Optional<Map<?, ?>> read(String relativePath) {
        if (overrideFolder != null) {
            Path file = overrideFolder.resolve(relativePath);
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return Optional.of(parse(in, file.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read mapping file " + file, e);
                }
            }
        }
        String resource = CLASSPATH_ROOT + relativePath;
        try (InputStream in = MappingFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(parse(in, resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping file " + resource, e);
        }
    }

    /**
     * Every scalar stays a string: YAML 1.1 would read the HL7 code NO as false and 0001 as 1, which
     * would silently break code tables.
     */
    private static Map<?, ?> parse(InputStream in, String name) {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new StringsOnlyResolver());
        Object document = yaml.load(in);
        if (!(document instanceof Map<?, ?> map)) {
            throw new MappingDefinitionException(name, "expected a YAML map at the top level");
        }
        return map;
    }

    private static final class StringsOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // none: no booleans, numbers or dates, only strings
        }
    }
}
