package org.medrelay.processors.drafting;

import freemarker.core.Environment;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The default drafting backend: a FreeMarker template per draft kind, filled from the patient's context. No
 * data leaves the deployment, and the same request gives the same draft, byte for byte. Values the template asks
 * for and the context lacks are listed in the result and marked in the text. Every draft is audited.
 */
public final class TemplateDraftingModel implements DraftingModel {

    public static final String NAME = "template";

    private final DraftTemplates templates;
    private final DraftingAudit audit;

    /** @param templateFolder the operator's template folder, or null for the built-in templates only */
    public TemplateDraftingModel(java.nio.file.Path templateFolder, DraftingAudit audit) {
        this.templates = new DraftTemplates(templateFolder);
        this.audit = audit;
    }

    @Override
    public DraftResult draft(DraftRequest request) {
        Template template = templates.forKind(request.kind());
        List<String> missing = new ArrayList<>();
        StringWriter text = new StringWriter();
        try {
            Environment environment = template.createProcessingEnvironment(TemplateFacts.of(request), text);
            environment.setCustomAttribute(MissingValueRecorder.MISSING, missing);
            environment.process();
        } catch (TemplateException | IOException e) {
            audit.failed(request, NAME, "template " + template.getName() + " failed: " + e.getClass().getSimpleName());
            // Not chained: FreeMarker's message can quote the value a built-in choked on, a patient's name.
            throw new DraftingModelException("template " + template.getName() + " failed"
                    + (e instanceof TemplateException te ? " at line " + te.getLineNumber() : "") + ": "
                    + e.getClass().getSimpleName());
        }
        DraftProvenance producedBy = new DraftProvenance(NAME, template.getName(), versionOf(template), false);
        audit.drafted(request, NAME, "template " + template.getName() + " " + producedBy.version()
                + ", nothing sent" + (missing.isEmpty() ? "" : ", " + missing.size() + " values missing"));
        return new DraftResult(text.toString(), producedBy, missing);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The template's SHA-256, 16 hex digits: tells which edit of a template made a draft. */
    private static String versionOf(Template template) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(template.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
