package org.medrelay.processors.priorauth.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How prior authorization is going, from the cases and their history: open cases by state, the time from submission
 * to the payer's decision (approved or denied; a pend is no decision) by payer, and each deadline kind met or missed.
 * A payer's decision due date is met when the decision came by then, missed when it came later or has not come and
 * the date passed; the service date is met when the case was approved before the day began. Deadlines still ahead
 * are pending. Counts only: no patient data.
 */
public final class PriorAuthMetrics {

    public record StateCount(PriorAuthState state, int cases) {
    }

    /** Hours from submission to decision, for the cases of one payer decided so far. */
    public record DecisionTime(String payer, int decided, double medianHours, double maxHours) {
    }

    public record DeadlineCount(String kind, int met, int missed, int pending) {
    }

    public record Report(List<StateCount> openByState, List<DecisionTime> timeToDecision, List<DeadlineCount> deadlines) {
    }

    public Report of(Map<PriorAuthCase, List<CaseHistoryEntry>> cases, Instant now) {
        Map<PriorAuthState, Integer> open = new EnumMap<>(PriorAuthState.class);
        Map<String, List<Double>> hoursByPayer = new TreeMap<>();
        int[] due = new int[3];
        int[] service = new int[3];
        cases.forEach((c, history) -> {
            if (c.state().isOpen()) {
                open.merge(c.state(), 1, Integer::sum);
            }
            Optional<Instant> submitted = firstEntry(history, List.of(PriorAuthState.SUBMITTED), Instant.MIN);
            Optional<Instant> decided = submitted.flatMap(s -> firstEntry(history, List.of(PriorAuthState.APPROVED, PriorAuthState.DENIED), s));
            if (submitted.isPresent() && decided.isPresent()) {
                hoursByPayer.computeIfAbsent(c.payerId() == null ? "unknown" : c.payerId(), p -> new ArrayList<>())
                        .add(Duration.between(submitted.get(), decided.get()).toMinutes() / 60.0);
            }
            if (c.decisionDueAt() != null) {
                count(due, decided, c.decisionDueAt(), now);
            }
            if (c.serviceDate() != null) {
                count(service, firstEntry(history, List.of(PriorAuthState.APPROVED), Instant.MIN), PriorAuthCase.startOfDay(c.serviceDate()), now);
            }
        });
        List<StateCount> byState = open.entrySet().stream().map(e -> new StateCount(e.getKey(), e.getValue())).toList();
        List<DecisionTime> times = hoursByPayer.entrySet().stream().map(e -> decisionTime(e.getKey(), e.getValue())).toList();
        return new Report(byState, times, List.of(new DeadlineCount(PriorAuthCase.Deadline.Kind.PAYER_DECISION_DUE.word(), due[0], due[1], due[2]),
                new DeadlineCount(PriorAuthCase.Deadline.Kind.SERVICE_DATE.word(), service[0], service[1], service[2])));
    }

    /** met, missed, pending: by the time the thing came (if it did) against the deadline. */
    private static void count(int[] tally, Optional<Instant> cameAt, Instant deadline, Instant now) {
        if (cameAt.isPresent()) {
            tally[cameAt.get().isAfter(deadline) ? 1 : 0]++;
        } else {
            tally[now.isAfter(deadline) ? 1 : 2]++;
        }
    }

    private static Optional<Instant> firstEntry(List<CaseHistoryEntry> history, List<PriorAuthState> to, Instant notBefore) {
        return history.stream().filter(h -> to.contains(h.to()) && !h.at().isBefore(notBefore)).map(CaseHistoryEntry::at).min(Instant::compareTo);
    }

    private static DecisionTime decisionTime(String payer, List<Double> hours) {
        List<Double> sorted = hours.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new DecisionTime(payer, n, median, sorted.get(n - 1));
    }
}
