package org.medrelay.processors.access;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a person does at the practice, which decides what they may see and do through the API (the permission
 * table is {@code WorkItemPermissions} in the engine and the README's "Access: API and console").
 */
public enum Role {
    FRONT_DESK,
    BILLING,
    CLINICIAN,
    ADMIN;

    /** As typed on the command line and shown in JSON: {@code front-desk}. */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code == null ? null : code.trim().toLowerCase())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "'; one of " + Arrays.stream(values())
                .map(Role::code).collect(Collectors.joining(", ")));
    }
}
