package org.medrelay.routes.api;

import org.medrelay.processors.access.Role;

/**
 * Who made an API request, as its credentials proved: the account name (what the audit trail names), its role,
 * and whether an emergency grant was in force at the time (every entry made under one is flagged).
 */
record Caller(String username, Role role, boolean breakGlass) {

    /** The audit entry's reason for a request made under break-glass, so a review finds every one. */
    String flag() {
        return breakGlass ? "break-glass" : null;
    }
}
