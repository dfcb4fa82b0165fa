package org.medrelay.processors.remittance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.WorkItemPriority;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Priority and due date of a billing item from its dollars at stake and the payer's appeal deadline. */
class ClaimPriorityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final ClaimPriority priority = new ClaimPriority(new BigDecimal("1000"), 30, 14);

    @TempDir
    Path dir;

    @Test
    void highDollarsWithADeadlineSoonAreAsapEitherAloneUrgentNeitherRoutine() {
        assertEquals(WorkItemPriority.ASAP, priority.of(new BigDecimal("1000.00"), TODAY.plusDays(30), TODAY));
        assertEquals(WorkItemPriority.URGENT, priority.of(new BigDecimal("999.99"), TODAY.plusDays(10), TODAY));
        assertEquals(WorkItemPriority.URGENT, priority.of(new BigDecimal("2500"), TODAY.plusDays(31), TODAY));
        assertEquals(WorkItemPriority.ROUTINE, priority.of(new BigDecimal("400"), TODAY.plusDays(31), TODAY));
        // a deadline already past is as pressing as it gets for the amount
        assertEquals(WorkItemPriority.URGENT, priority.of(new BigDecimal("50"), TODAY.minusDays(3), TODAY));
    }

    @Test
    void dueTwoWeeksBeforeTheDeadlineButNeverBeforeTomorrow() {
        assertEquals(LocalDate.of(2026, 12, 27), priority.due(LocalDate.of(2027, 1, 10), TODAY));
        assertEquals(TODAY.plusDays(1), priority.due(TODAY.plusDays(5), TODAY));
    }

    @Test
    void theAppealWindowComesFromTheTableOrTheDefault() throws Exception {
        Path table = Files.writeString(dir.resolve("windows.tsv"), "# payer\tdays\n1512345678\t60\tTEST HEALTH PLAN\n\n99999\t180\n");
        AppealWindows windows = AppealWindows.load(table, 90);
        assertEquals(LocalDate.of(2027, 1, 19), windows.deadline("1512345678", LocalDate.of(2026, 11, 20)));
        assertEquals(180, windows.daysFor("99999"));
        assertEquals(90, windows.daysFor("00000"));
        assertEquals(45, AppealWindows.load(null, 45).daysFor("1512345678"), "the shipped table names no payer");
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() throws Exception {
        Path table = Files.writeString(dir.resolve("windows.tsv"), "1512345678\t60\n99999 180\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AppealWindows.load(table, 90));
        assertTrue(refused.getMessage().endsWith("windows.tsv line 2: expected a payer id, a tab and a number of days (at least 1)"),
                refused.getMessage());
    }
}
