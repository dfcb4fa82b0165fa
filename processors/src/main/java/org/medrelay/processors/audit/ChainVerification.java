package org.medrelay.processors.audit;

/**
 * The result of walking the audit chain: intact, or broken at a named entry.
 *
 * @param entriesVerified entries found intact (all of them when intact; before the break otherwise)
 * @param lastId          the last entry's id when intact (0 for an empty chain)
 * @param lastHash        the last entry's hash when intact: write it down elsewhere to detect a rewritten chain
 * @param brokenEntryId   the first broken entry when broken, else 0
 * @param problem         what is wrong with it, or null when intact
 */
public record ChainVerification(long entriesVerified, long lastId, String lastHash, long brokenEntryId,
                                ChainProblem problem) {

    static ChainVerification intact(long entries, long lastId, String lastHash) {
        return new ChainVerification(entries, lastId, lastHash, 0, null);
    }

    static ChainVerification broken(long entriesVerified, long entryId, ChainProblem problem) {
        return new ChainVerification(entriesVerified, 0, null, entryId, problem);
    }

    public boolean intact() {
        return problem == null;
    }

    /** {@code audit chain intact: 12 entries} or {@code audit chain broken at entry 7: content altered}. */
    public String describe() {
        if (intact()) {
            return "audit chain intact: " + entriesVerified + (entriesVerified == 1 ? " entry" : " entries");
        }
        return "audit chain broken at entry " + brokenEntryId + ": " + problem.description();
    }
}
