package org.medrelay.processors.audit;

/** What is wrong at the first broken entry of the audit chain. */
public enum ChainProblem {
    /** The entry's fields no longer give the hash it was stored with. */
    CONTENT_ALTERED("content altered"),
    /** The stored hash was changed: the fields still give the hash the next entry links to. */
    HASH_ALTERED("hash altered"),
    /** The entry does not link to the hash of the entry before it. */
    LINK_BROKEN("link broken"),
    /** No entry with this id, though the chain goes on after it (or the chain head counts it). */
    ENTRY_MISSING("entry missing"),
    /** The chain head (last id and hash) does not match the last entry. */
    HEAD_MISMATCH("chain head does not match the last entry"),
    /** The retention anchor does not match the chain or the purge recorded in it. */
    ANCHOR_MISMATCH("purge anchor does not match the chain");

    private final String description;

    ChainProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
