package org.medrelay.processors.priorauth.x12;

import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.mappings.x12.ControlNumbers;
import org.medrelay.mappings.x12.priorauth.PriorAuth278Writer;
import org.medrelay.processors.eligibility.EligibilitySettings;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.X12PriorAuthRequestWriter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The 278 request for the default clearinghouse: the order mapped by {@link Order278Mapper}, enveloped with the
 * trading partners and delimiters the 270 uses for the same payer ({@code medrelay.eligibility.clearinghouse.*},
 * {@code medrelay.eligibility.payer.<id>.*}), ISA13/GS06/ST02 from the given control numbers (the store's in the engine).
 */
public final class Clearinghouse278Writer implements X12PriorAuthRequestWriter {

    /** TRN02 of a case's 278: this prefix and the case id, so a response finds its case without a lookup table. */
    public static final String TRACE_PREFIX = "PA";

    private final Order278Mapper mapper;
    private final EligibilitySettings partners;
    private final PriorAuth278Writer writer;
    private final Clock clock;

    public Clearinghouse278Writer(Order278Mapper mapper, EligibilitySettings partners, ControlNumbers controlNumbers, Clock clock) {
        this.mapper = mapper;
        this.partners = partners;
        this.writer = new PriorAuth278Writer(controlNumbers, clock);
        this.clock = clock;
    }

    /**
     * From the engine's configuration: the eligibility trading partners, {@code medrelay.priorauth.x12.service-type}
     * (UM03) and {@code medrelay.priorauth.x12.place-of-service} (UM04).
     */
    public static Clearinghouse278Writer fromProperties(Function<String, String> property, ControlNumbers controlNumbers, Clock clock) {
        EligibilitySettings partners = new EligibilitySettings(property);
        return new Clearinghouse278Writer(new Order278Mapper(partners, required(property, "medrelay.priorauth.x12.service-type"),
                required(property, "medrelay.priorauth.x12.place-of-service")), partners, controlNumbers, clock);
    }

    private static String required(Function<String, String> property, String key) {
        String value = property.apply(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing configuration property " + key);
        }
        return value.trim();
    }

    @Override
    public String write(Bundle orders, PriorAuthDecision decision, String traceNumber) {
        String payerId = decision.payer().payerId().orElse("");
        byte[] x12 = writer.write(mapper.map(orders, decision, traceNumber, LocalDate.now(clock)), partners.partnersFor(payerId),
                partners.delimiters());
        return new String(x12, StandardCharsets.ISO_8859_1);
    }

    public static String traceOf(long caseId) {
        return TRACE_PREFIX + caseId;
    }

    /** The case a TRN02 names, when it is one of ours. */
    public static java.util.OptionalLong caseOf(String trace) {
        if (trace == null || !trace.startsWith(TRACE_PREFIX) || trace.length() == TRACE_PREFIX.length()
                || !trace.substring(TRACE_PREFIX.length()).chars().allMatch(Character::isDigit) || trace.length() > 19) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(Long.parseLong(trace.substring(TRACE_PREFIX.length())));
    }
}
