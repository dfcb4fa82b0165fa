package org.medrelay.processors.remittance;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.medrelay.mappings.x12.remittance.Adjustment;
import org.medrelay.mappings.x12.remittance.AdjustmentCodeList;
import org.medrelay.mappings.x12.remittance.DenialCategory;
import org.medrelay.mappings.x12.remittance.Party;
import org.medrelay.mappings.x12.remittance.ServiceLinePayment;
import org.medrelay.processors.review.Draft;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The appeal letter draft of an appeal or timely-filing work item, from the FreeMarker template
 * {@code appeal-letter.ftl} (the operator's folder first, else the built-in {@code remittance/templates/}): payer,
 * claim, dates, codes with their descriptions, amounts and the denial reason in words, filled from the 835; the
 * clinical justification, and for timely filing the proof of timely filing, are marked places the provider writes.
 * The suite never writes clinical content. Plain text out, nothing of Java reachable from the template.
 */
public final class AppealLetters {

    static final String TEMPLATE = "appeal-letter.ftl";
    /** How every place the provider must fill begins, so a reviewer (and a test) can find them. */
    public static final String PROVIDER_WRITES = "[PROVIDER TO WRITE:";
    private final Configuration configuration;
    private final AdjustmentCodeList carcs;
    private final AdjustmentCodeList rarcs;

    public AppealLetters(Path templatesDir, AdjustmentCodeList carcs, AdjustmentCodeList rarcs) throws IOException {
        this.carcs = carcs;
        this.rarcs = rarcs;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn = new ClassTemplateLoader(AppealLetters.class, "/remittance/templates");
        configuration.setTemplateLoader(templatesDir == null ? builtIn
                : new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(templatesDir.toFile()), builtIn}));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.US);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        configuration.setLocalizedLookup(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        // a failure's message would quote the values around it: patient data
        configuration.setLogTemplateExceptions(false);
        configuration.getTemplate(TEMPLATE);
    }

    public Draft letter(ClaimFollowUp followUp, LocalDate today) {
        try {
            StringWriter out = new StringWriter();
            configuration.getTemplate(TEMPLATE).process(model(followUp, today), out);
            return Draft.text(out.toString(), "text/plain");
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the appeal letter template " + TEMPLATE + " failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private Map<String, Object> model(ClaimFollowUp f, LocalDate today) {
        Optional<LocalDate> on = f.serviceFrom();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("today", today.toString());
        model.put("timelyFiling", f.decision().category() == DenialCategory.TIMELY_FILING);
        model.put("payer", Map.of("name", f.advice().payer().name(), "id", f.payerId()));
        model.put("payee", Map.of("name", f.advice().payee().name(), "npi", "XX".equals(f.advice().payee().idQualifier())
                ? f.advice().payee().id() : ""));
        model.put("patient", Map.of("name", name(f.claim().patient()), "memberId", f.claim().patient().id()));
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("number", f.claim().patientControlNumber());
        claim.put("payerNumber", f.claim().payerClaimControlNumber());
        claim.put("from", f.serviceFrom().map(Object::toString).orElse("(not given)"));
        claim.put("to", f.serviceTo().map(Object::toString).orElse("(not given)"));
        claim.put("billed", money(f.claim().billed()));
        claim.put("paid", money(f.claim().paid()));
        claim.put("patientResponsibility", money(f.claim().patientResponsibility()));
        claim.put("atStake", money(f.atStake()));
        model.put("claim", claim);
        model.put("remittance", Map.of("trace", f.advice().traceNumber(), "date", f.decidedOn().toString()));
        model.put("deadline", f.appealDeadline().toString());
        model.put("denial", Map.of("category", f.decision().category().word(), "reason", f.decision().reason(),
                "code", f.decision().adjustment().map(Adjustment::code).orElse("")));
        model.put("adjustments", f.adjustments().stream().map(a -> Map.of("code", a.code(), "amount", money(a.amount()),
                "description", carcs.describe(a.carc(), on))).toList());
        model.put("remarks", f.remarkCodes().stream().map(r -> Map.of("code", r, "description", rarcs.describe(r, on))).toList());
        model.put("lines", f.claim().lines().stream().map(AppealLetters::line).toList());
        return model;
    }

    private static Map<String, Object> line(ServiceLinePayment line) {
        String code = line.procedureCode() + (line.modifiers().isEmpty() ? "" : "-" + String.join("-", line.modifiers()));
        return Map.of("code", code, "date", line.serviceStart().map(Object::toString).orElse("(not given)"),
                "billed", money(line.charge()), "paid", money(line.paid()));
    }

    private static String name(Party party) {
        return (party.firstName().isEmpty() ? "" : party.firstName() + " ") + party.name();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static List<String> placesToWrite(String letter) {
        return letter.lines().filter(l -> l.contains(PROVIDER_WRITES)).toList();
    }
}
