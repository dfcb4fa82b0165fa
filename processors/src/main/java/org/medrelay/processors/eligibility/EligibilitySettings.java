package org.medrelay.processors.eligibility;

import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.mappings.x12.TradingPartners;
import org.medrelay.mappings.x12.X12Delimiters;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code medrelay.eligibility.*} properties (documented with their defaults in the engine's
 * medrelay-defaults.properties): who the 270s go from and to (ISA/GS ids of the clearinghouse, overridable per payer
 * with {@code medrelay.eligibility.payer.<payer id>.*}), the delimiters, the provider asking, the TRN03 originator,
 * the lead time before a visit, and the thresholds of the coverage-gap rules.
 */
public final class EligibilitySettings {

    public static final String PREFIX = "medrelay.eligibility.";
    /** The clearinghouse of {@code clearinghouse.*} and {@code sftp.*}: every payer not routed elsewhere. */
    public static final String DEFAULT_CLEARINGHOUSE = "default";
    private final Function<String, String> property;

    /** @param property the configuration, key to value; a missing key reads as null or empty */
    public EligibilitySettings(Function<String, String> property) {
        this.property = key -> {
            String value = property.apply(PREFIX + key);
            return value == null ? "" : value.trim();
        };
    }

    /** ISA05-08, GS02/03 and ISA15 for a 270 to this payer through the default clearinghouse, with the payer's overrides. */
    public TradingPartners partnersFor(String payerId) {
        return partnersFor(DEFAULT_CLEARINGHOUSE, payerId);
    }

    /** As {@link #partnersFor(String)}, through the named clearinghouse ({@code clearinghouses.<name>.*}, else the default's). */
    public TradingPartners partnersFor(String clearinghouse, String payerId) {
        return new TradingPartners(
                payerOr(clearinghouse, payerId, "isa-sender-qualifier"), payerOr(clearinghouse, payerId, "isa-sender-id"),
                payerOr(clearinghouse, payerId, "isa-receiver-qualifier"), payerOr(clearinghouse, payerId, "isa-receiver-id"),
                payerOr(clearinghouse, payerId, "gs-sender"), payerOr(clearinghouse, payerId, "gs-receiver"),
                clearinghouseOr(clearinghouse, "clearinghouse.", "usage").charAt(0));
    }

    private String payerOr(String clearinghouse, String payerId, String key) {
        String own = property.apply("payer." + payerId + "." + key);
        return own.isEmpty() ? clearinghouseOr(clearinghouse, "clearinghouse.", key) : own;
    }

    /**
     * A clearinghouse's own setting ({@code clearinghouses.<name>.<key>}), else the default clearinghouse's
     * ({@code <defaultPrefix><key>}): a second clearinghouse names only what differs.
     */
    public String clearinghouseOr(String clearinghouse, String defaultPrefix, String key) {
        if (!DEFAULT_CLEARINGHOUSE.equals(clearinghouse)) {
            String own = property.apply("clearinghouses." + clearinghouse + "." + key);
            if (!own.isEmpty()) {
                return own;
            }
        }
        return required(defaultPrefix + key);
    }

    /** The same, for a setting that may be empty (a password, a known-hosts file). */
    public String clearinghouseOptional(String clearinghouse, String defaultPrefix, String key) {
        String own = DEFAULT_CLEARINGHOUSE.equals(clearinghouse) ? "" : property.apply("clearinghouses." + clearinghouse + "." + key);
        return own.isEmpty() ? property.apply(defaultPrefix + key) : own;
    }

    /** The clearinghouses besides the default ({@code clearinghouses}, comma-separated names). */
    public List<String> clearinghouses() {
        return list("clearinghouses").stream().filter(n -> !DEFAULT_CLEARINGHOUSE.equals(n)).toList();
    }

    public X12Delimiters delimiters() {
        return delimiters(DEFAULT_CLEARINGHOUSE);
    }

    /** The delimiters of 270s to this clearinghouse: {@code clearinghouses.<name>.delimiters.*}, else the default's. */
    public X12Delimiters delimiters(String clearinghouse) {
        String ending = switch (clearinghouseOr(clearinghouse, "", "delimiters.line-ending").toUpperCase(java.util.Locale.ROOT)) {
            case "NONE" -> "";
            case "CRLF" -> "\r\n";
            case "CR" -> "\r";
            default -> "\n";
        };
        return new X12Delimiters(single(clearinghouse, "delimiters.segment"), single(clearinghouse, "delimiters.element"),
                single(clearinghouse, "delimiters.component"), single(clearinghouse, "delimiters.repetition"), ending);
    }

    /** 2100B: the provider asking, by NPI. */
    public EligibilityInquiry.InformationReceiver provider() {
        return new EligibilityInquiry.InformationReceiver(required("provider.name"), property.apply("provider.first-name"),
                required("provider.npi"));
    }

    /** 2100A: the payer's name as configured ({@code payer.<id>.name}), or the id when none is. */
    public EligibilityInquiry.InformationSource payer(String payerId) {
        String name = property.apply("payer." + payerId + ".name");
        String qualifier = property.apply("payer." + payerId + ".id-qualifier");
        return new EligibilityInquiry.InformationSource(name.isEmpty() ? payerId : name, qualifier.isEmpty() ? "PI" : qualifier, payerId);
    }

    /** TRN03: '1' and the EIN, or '9' and an assigned number; ten characters. */
    public String traceOriginator() {
        return required("trace-originator");
    }

    public List<String> serviceTypes() {
        return list("service-types");
    }

    /** The X12 service type of a visit (EB03 the estimate and the rules look at): 98 office visit by default. */
    public String visitServiceType() {
        return required("visit-service-type");
    }

    public Duration leadTime() {
        return Duration.parse(required("lead-time"));
    }

    /** Plans the practice accepts: "payer id" (any plan of that payer) or "payer id:plan" (REF*18 or EB05). */
    public Set<String> acceptedPlans() {
        return Set.copyOf(list("accepted-plans"));
    }

    public BigDecimal highDeductibleThreshold() {
        return new BigDecimal(required("gaps.high-deductible-remaining"));
    }

    /** The visit's expected charge when the appointment does not give one. */
    public BigDecimal defaultExpectedCharge() {
        return new BigDecimal(required("gaps.default-expected-charge"));
    }

    private List<String> list(String key) {
        return Arrays.stream(property.apply(key).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private char single(String clearinghouse, String key) {
        String value = clearinghouseOr(clearinghouse, "", key);
        if (value.length() != 1) {
            throw new IllegalArgumentException(PREFIX + key + " must be one character");
        }
        return value.charAt(0);
    }

    private String required(String key) {
        String value = property.apply(key);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + key + " is not set");
        }
        return value;
    }
}
