package org.medrelay.processors.eligibility;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The payer -> clearinghouse table and a second clearinghouse's settings falling back to the default's. */
class PayerClearinghousesTest {

    private static final Set<String> KNOWN = Set.of("default", "second");

    @Test
    void aRoutedPayerGoesToItsClearinghouseAndEveryOtherToTheDefault() {
        PayerClearinghouses table = PayerClearinghouses.parse(List.of("# payer\tclearinghouse", "", "87726\tsecond", "60054\tdefault"),
                KNOWN, "payers.tsv");

        assertEquals("second", table.clearinghouseFor("87726"));
        assertEquals("default", table.clearinghouseFor("60054"));
        assertEquals("default", table.clearinghouseFor("99999"));
        assertEquals(Set.of("87726"), table.payers("second"));
        assertEquals(Set.of("87726"), table.payers("default"), "the default leaves out the payers routed elsewhere");
    }

    @Test
    void aLineNamingAnUnconfiguredClearinghouseOrMalformedIsRefusedWithItsLineNumber() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PayerClearinghouses.parse(List.of("87726\tthird"), KNOWN, "payers.tsv"));
        assertEquals("payers.tsv line 1: no clearinghouse 'third' is configured (medrelay.eligibility.clearinghouses, or 'default')",
                unknown.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> PayerClearinghouses.parse(List.of("# ok", "87726 second"), KNOWN, "payers.tsv"));
        assertEquals("payers.tsv line 2: expected payer id, a tab, clearinghouse name", malformed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PayerClearinghouses.parse(List.of("1\tsecond", "1\tdefault"), KNOWN, "p"));
    }

    @Test
    void aSecondClearinghouseNamesOnlyWhatDiffersFromTheDefault() {
        Properties p = new Properties();
        p.putAll(Map.of("medrelay.eligibility.clearinghouse.isa-sender-qualifier", "ZZ", "medrelay.eligibility.clearinghouse.isa-sender-id", "MEDRELAY",
                "medrelay.eligibility.clearinghouse.isa-receiver-qualifier", "ZZ", "medrelay.eligibility.clearinghouse.isa-receiver-id", "CLEARINGHOUSE",
                "medrelay.eligibility.clearinghouse.gs-sender", "MEDRELAY", "medrelay.eligibility.clearinghouse.gs-receiver", "CLEARINGHOUSE",
                "medrelay.eligibility.clearinghouse.usage", "T", "medrelay.eligibility.clearinghouses", "second, default",
                "medrelay.eligibility.clearinghouses.second.isa-receiver-id", "SECONDCH",
                "medrelay.eligibility.payer.87726.gs-receiver", "87726"));
        EligibilitySettings settings = new EligibilitySettings(p::getProperty);

        assertEquals(List.of("second"), settings.clearinghouses());
        var partners = settings.partnersFor("second", "87726");
        assertEquals("SECONDCH", partners.receiverId());
        assertEquals("MEDRELAY", partners.senderId());
        assertEquals("87726", partners.applicationReceiver(), "a payer's own id still wins");
        assertEquals("CLEARINGHOUSE", settings.partnersFor("60054").receiverId());
    }
}
