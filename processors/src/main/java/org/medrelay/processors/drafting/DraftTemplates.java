package org.medrelay.processors.drafting;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The FreeMarker templates of the drafts, one file per {@link DraftKind} ({@code appeal-letter.ftl}): from the
 * operator's folder when it has the file, else the built-in ones ({@code drafting/templates/} on the classpath).
 * Plain text out, US locale, UTC, and nothing of Java reachable from a template ({@code ?new}, {@code ?api} off),
 * because an operator-edited file must not be able to run code. A changed file is used from the next draft on.
 */
final class DraftTemplates {

    static final String BUILT_IN = "/drafting/templates";
    static final String SUFFIX = ".ftl";

    private final Configuration configuration;
    private final Path folder;

    /** @param folder the operator's template folder, or null for the built-in templates only */
    DraftTemplates(Path folder) {
        this.folder = folder;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(loader(folder));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.US);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        configuration.setLocalizedLookup(false);
        configuration.setTemplateUpdateDelayMilliseconds(0);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setTemplateExceptionHandler(new MissingValueRecorder());
        // Failures surface as DraftingModelException; FreeMarker's own log line would quote the template.
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
    }

    Template forKind(DraftKind kind) {
        String name = kind.code() + SUFFIX;
        try {
            return configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new DraftingModelException("no template " + name + (folder == null ? "" : " in " + folder)
                    + " nor among the built-in templates");
        } catch (IOException e) {
            // A syntax error's message quotes the template and the line: the template's text, never patient data.
            throw new DraftingModelException("template " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static TemplateLoader loader(Path folder) {
        ClassTemplateLoader builtIn = new ClassTemplateLoader(DraftTemplates.class, BUILT_IN);
        if (folder == null) {
            return builtIn;
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(DraftingProperties.TEMPLATES_DIR + " names " + folder
                    + ", which is not a folder");
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(folder.toFile()), builtIn});
        } catch (IOException e) {
            throw new IllegalArgumentException(DraftingProperties.TEMPLATES_DIR + ": cannot read " + folder, e);
        }
    }
}
