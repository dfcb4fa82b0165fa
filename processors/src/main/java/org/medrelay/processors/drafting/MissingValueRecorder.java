package org.medrelay.processors.drafting;

import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * FreeMarker stops at the first value a template asks for and the context lacks. This handler lets it go on:
 * it notes the value's name ({@code coverage.memberId}), writes {@code [MISSING: coverage.memberId]} where the
 * value belonged, and the draft lists every gap. Any other template error (bad syntax, a failing built-in) still
 * fails the draft.
 */
final class MissingValueRecorder implements TemplateExceptionHandler {

    /** The list the current rendering collects into, kept on FreeMarker's per-rendering environment. */
    static final String MISSING = "medrelay.missing-values";

    static final String MARKER = "[MISSING: %s]";

    @Override
    public void handleTemplateException(TemplateException error, Environment environment, Writer out)
            throws TemplateException {
        if (!(error instanceof InvalidReferenceException)) {
            throw error;
        }
        String name = error.getBlamedExpressionString();
        @SuppressWarnings("unchecked")
        List<String> missing = (List<String>) environment.getCustomAttribute(MISSING);
        if (!missing.contains(name)) {
            missing.add(name);
        }
        try {
            out.write(MARKER.formatted(name));
        } catch (IOException e) {
            throw new TemplateException(e, environment);
        }
    }
}
