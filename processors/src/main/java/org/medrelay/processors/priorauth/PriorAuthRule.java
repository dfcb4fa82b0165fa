package org.medrelay.processors.priorauth;

import java.util.List;

/**
 * One line of the prior-authorization requirements table: for a payer and plan ({@code *} any) and codes of one
 * system ({@code *} any; codes as a comma list of codes and ranges such as {@code 70551-70553} or
 * {@code J0129-J0135}), whether authorization is required, through which channel, the payer's usual turnaround in
 * calendar days, the documentation it asks for, and the reason in words.
 *
 * @param where the table and line, e.g. {@code priorauth/requirements.tsv line 14}, so every decision names its rule
 */
public record PriorAuthRule(String payer, String plan, String system, String codes, boolean required,
                            SubmissionChannel channel, int turnaroundDays, List<String> documentation, String reason,
                            String where) {

    private static final String ANY = "*";

    public PriorAuthRule {
        documentation = List.copyOf(documentation);
        if (required && channel == SubmissionChannel.NONE) {
            throw new IllegalArgumentException("a required authorization needs a channel other than none");
        }
        for (String range : codes.split(",")) {
            String[] ends = range.strip().split("-", 2);
            if (ends.length == 2 && ends[0].length() != ends[1].length()) {
                throw new IllegalArgumentException("code range '" + range.strip() + "' must have ends of the same length");
            }
        }
    }

    boolean matches(PayerPlan payerPlan, OrderedService service) {
        return (ANY.equals(payer) || payerPlan.payerId().filter(payer::equals).isPresent())
                && (ANY.equals(plan) || payerPlan.plan().filter(plan::equals).isPresent())
                && (ANY.equals(system) || system.equalsIgnoreCase(service.system()))
                && (ANY.equals(codes) || coversCode(service.code()));
    }

    private boolean coversCode(String code) {
        for (String entry : codes.split(",")) {
            String[] ends = entry.strip().split("-", 2);
            if (ends.length == 1 ? ends[0].equalsIgnoreCase(code)
                    : code.length() == ends[0].length() && code.compareToIgnoreCase(ends[0]) >= 0 && code.compareToIgnoreCase(ends[1]) <= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line naming the service beats one naming the payer, which beats one naming the plan: a payer-wide line
     * never overrides a line about the very code ordered.
     */
    int specificity() {
        return (ANY.equals(codes) ? 0 : 8) + (ANY.equals(payer) ? 0 : 4) + (ANY.equals(plan) ? 0 : 2) + (ANY.equals(system) ? 0 : 1);
    }
}
