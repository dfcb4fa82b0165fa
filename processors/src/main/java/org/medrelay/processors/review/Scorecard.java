package org.medrelay.processors.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a workflow's suite results compare with what people decided, over all its items.
 *
 * <ul>
 *   <li>volume: every item the workflow produced; awaiting: OPEN or ESCALATED; autoReleased: released in live mode
 *       without a person.</li>
 *   <li>agreementRate: of the items a person decided (in any mode), the share approved as is. An edit or a
 *       rejection is a disagreement. A reassignment is routing, not a verdict on the result, and does not count.</li>
 *   <li>editRate: of those, the share edited before approval.</li>
 *   <li>time to action: from the item's creation to the person's decision.</li>
 * </ul>
 * Rates and times are null while no person has decided anything.
 */
public record Scorecard(
        String workflow,
        OperatingMode mode,
        long volume,
        long awaiting,
        long autoReleased,
        int decidedByPerson,
        int approvedAsIs,
        int edited,
        int rejected,
        Double agreementRate,
        Double editRate,
        Duration medianTimeToAction,
        Duration meanTimeToAction) {

    static Scorecard of(String workflow, OperatingMode mode, Map<WorkItemStatus, Long> counts, long autoReleased,
                        List<DecidedItem> decisions) {
        long volume = counts.values().stream().mapToLong(Long::longValue).sum();
        long awaiting = counts.get(WorkItemStatus.OPEN) + counts.get(WorkItemStatus.ESCALATED);
        int decided = decisions.size();
        int asIs = count(decisions, DecisionKind.APPROVED_AS_IS);
        int edited = count(decisions, DecisionKind.EDITED);
        int rejected = count(decisions, DecisionKind.REJECTED);
        if (decided == 0) {
            return new Scorecard(workflow, mode, volume, awaiting, autoReleased, 0, 0, 0, 0, null, null, null, null);
        }
        List<Duration> times = decisions.stream().map(DecidedItem::timeToAction).sorted().toList();
        return new Scorecard(workflow, mode, volume, awaiting, autoReleased, decided, asIs, edited, rejected,
                (double) asIs / decided, (double) edited / decided, median(times), mean(times));
    }

    private static int count(List<DecidedItem> decisions, DecisionKind kind) {
        return (int) decisions.stream().filter(d -> d.kind() == kind).count();
    }

    private static Duration median(List<Duration> sorted) {
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static Duration mean(List<Duration> times) {
        Duration total = times.stream().reduce(Duration.ZERO, Duration::plus);
        return total.dividedBy(times.size());
    }
}
