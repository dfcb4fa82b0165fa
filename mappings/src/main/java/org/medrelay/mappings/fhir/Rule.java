package org.medrelay.mappings.fhir;

import java.util.List;
import java.util.Map;

/**
 * One compiled line of a template: how to fill one FHIR element. See {@link RuleCompiler} for the
 * YAML it comes from. Exactly one source is normally set (from, constant, ref, refs, join, collect,
 * authority, or nested elements); the other fields transform or guard it.
 *
 * @param from       paths tried in order; the first with a value wins
 * @param constant   a fixed value ({@code const:} or a plain scalar)
 * @param ref        reference to the entry of this resource type that owns this one
 * @param refs       references to every entry of this type that this one owns
 * @param join       parts joined with {@code separator}
 * @param separator  joins the parts of {@code join}, the values of {@code collect}, or all
 *                   repetitions of {@code from}
 * @param skipEmpty  join skips empty parts instead of giving nothing
 * @param collect    a path read in every segment of that name in the resource's region
 * @param where      filters the segments {@code collect} reads
 * @param authority  the assigning authority (an HD, or its three parts) to turn into an identifier system
 * @param as         datatype template to convert each value with, e.g. CX
 * @param table      code table the value is looked up in
 * @param map        inline code map
 * @param defaultValue value when the source gives nothing or the lookup misses
 * @param encode     {@code base64}: encode the text, for Attachment.data
 * @param when       the rule applies only when this holds
 * @param forEach    apply the rule once per segment of this name in the resource's region
 * @param elements   nested element rules, for a complex element built in place
 */
record Rule(List<Hl7Path> from, String constant, String ref, String refs, List<JoinPart> join,
            String separator, boolean skipEmpty, Hl7Path collect, Condition where, List<Hl7Path> authority,
            String as, String table, Map<String, String> map, String defaultValue, String encode,
            Condition when, String forEach, Map<String, List<Rule>> elements) {

    /** A part of a {@code join}: literal text or paths tried in order. */
    sealed interface JoinPart permits Literal, Paths {
    }

    record Literal(String text) implements JoinPart {
    }

    record Paths(List<Hl7Path> alternatives) implements JoinPart {
    }

    boolean hasElements() {
        return !elements.isEmpty();
    }

    /** True when this rule reads the message (so an element it fills is real data, not just decoration). */
    boolean readsMessage() {
        return !from.isEmpty() || join != null || collect != null || ref != null || refs != null;
    }

    /**
     * True when this rule or a nested one reads the message. A nested element that could hold data
     * but got none is left out (no participant without a practitioner); one made of constants only
     * (a fixed category) is always set.
     */
    boolean readsMessageDeep() {
        return readsMessage() || elements.values().stream().flatMap(List::stream).anyMatch(Rule::readsMessageDeep);
    }
}
