package org.medrelay.processors.review;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_B;

/** A workflow's scorecard on a known set of decisions. */
class ScorecardTest extends H2Desk {

    private record Planned(DecisionKind kind, int minutes) {
    }

    @Test
    void figuresOfAKnownSetOfDecisions() throws SQLException {
        // Ten person decisions on prior-auth drafts, all created at START: minutes after creation, and how.
        List<Planned> plan = List.of(
                new Planned(DecisionKind.APPROVED_AS_IS, 10), new Planned(DecisionKind.APPROVED_AS_IS, 20),
                new Planned(DecisionKind.APPROVED_AS_IS, 30), new Planned(DecisionKind.APPROVED_AS_IS, 40),
                new Planned(DecisionKind.APPROVED_AS_IS, 50), new Planned(DecisionKind.APPROVED_AS_IS, 60),
                new Planned(DecisionKind.EDITED, 15), new Planned(DecisionKind.EDITED, 25),
                new Planned(DecisionKind.REJECTED, 5), new Planned(DecisionKind.REJECTED, 120));
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            items.add(desk.intake.accept(SyntheticItems.priorAuthDraft(i % 2 == 0 ? PATIENT_A : PATIENT_B, 0.9,
                    desk.in(Duration.ofDays(3)))));
        }
        desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.9, desk.in(Duration.ofDays(3))));
        desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_B, 0.9, desk.in(Duration.ofDays(3))));
        desk.delivery.deliver(desk.store.createApprovedInLiveMode(
                SyntheticItems.priorAuthDraft(PATIENT_A, 0.99, desk.in(Duration.ofDays(3))), desk.clock.instant()));

        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        order.sort(Comparator.comparingInt(i -> plan.get(i).minutes()));
        for (int i : order) {
            desk.clock.advance(Duration.between(desk.clock.instant(), ReviewDesk.START.plus(Duration.ofMinutes(plan.get(i).minutes()))));
            decide(items.get(i), plan.get(i).kind());
        }

        Scorecard card = desk.scorecards.scorecard("prior-auth");
        assertEquals(OperatingMode.REVIEW, card.mode());
        assertEquals(13, card.volume(), "10 decided, 2 waiting, 1 released in live mode");
        assertEquals(2, card.awaiting());
        assertEquals(1, card.autoReleased());
        assertEquals(10, card.decidedByPerson(), "the live release is not a person's decision");
        assertEquals(6, card.approvedAsIs());
        assertEquals(2, card.edited());
        assertEquals(2, card.rejected());
        assertEquals(0.6, card.agreementRate(), 1e-9);
        assertEquals(0.2, card.editRate(), 1e-9);
        // 5 10 15 20 25 | 30 40 50 60 120 minutes: median (25 + 30) / 2, mean 375 / 10.
        assertEquals(Duration.ofSeconds(27 * 60 + 30), card.medianTimeToAction());
        assertEquals(Duration.ofSeconds(37 * 60 + 30), card.meanTimeToAction());
    }

    @Test
    void aWorkflowNobodyDecidedYetHasNoRates() throws SQLException {
        desk.intake.accept(SyntheticItems.faxTriage(PATIENT_A, 0.5, desk.in(Duration.ofHours(2))));
        Scorecard card = desk.scorecards.scorecard("fax");
        assertEquals(1, card.volume());
        assertEquals(0, card.decidedByPerson());
        assertNull(card.agreementRate());
        assertNull(card.medianTimeToAction());
    }

    private void decide(WorkItem item, DecisionKind kind) throws SQLException {
        switch (kind) {
            case APPROVED_AS_IS -> desk.actions.approve(item.id(), item.version(), "dr.osei");
            case EDITED -> desk.actions.approveEdited(item.id(), item.version(), "dr.osei",
                    Draft.text("ST*278*0001*005010X217~SE*2*0001~", "application/edi-x12"));
            case REJECTED -> desk.actions.reject(item.id(), item.version(), "dr.osei", "not medically indicated yet");
            default -> throw new IllegalArgumentException(kind.name());
        }
    }
}
