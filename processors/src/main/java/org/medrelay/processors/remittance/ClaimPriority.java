package org.medrelay.processors.remittance;

import org.medrelay.processors.review.WorkItemPriority;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How pressing a claim's follow-up is, from the dollars at stake and the payer's appeal deadline: ASAP when it is both
 * worth at least the high-dollar amount and its deadline is within the soon window (or past), URGENT when it is
 * either, ROUTINE otherwise. The item is due some days before the deadline, so it escalates while there is still
 * time to act, and never before tomorrow.
 */
public final class ClaimPriority {

    private final BigDecimal highDollarAmount;
    private final int deadlineSoonDays;
    private final int dueBeforeDeadlineDays;

    public ClaimPriority(BigDecimal highDollarAmount, int deadlineSoonDays, int dueBeforeDeadlineDays) {
        this.highDollarAmount = highDollarAmount;
        this.deadlineSoonDays = deadlineSoonDays;
        this.dueBeforeDeadlineDays = dueBeforeDeadlineDays;
    }

    public WorkItemPriority of(BigDecimal atStake, LocalDate deadline, LocalDate today) {
        boolean highDollar = atStake.compareTo(highDollarAmount) >= 0;
        boolean soon = ChronoUnit.DAYS.between(today, deadline) <= deadlineSoonDays;
        if (highDollar && soon) {
            return WorkItemPriority.ASAP;
        }
        return highDollar || soon ? WorkItemPriority.URGENT : WorkItemPriority.ROUTINE;
    }

    public LocalDate due(LocalDate deadline, LocalDate today) {
        LocalDate due = deadline.minusDays(dueBeforeDeadlineDays);
        return due.isAfter(today) ? due : today.plusDays(1);
    }
}
