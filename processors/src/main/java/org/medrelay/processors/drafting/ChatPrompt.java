package org.medrelay.processors.drafting;

import java.util.Objects;

/**
 * The two messages of a chat-completions request: the system message (what to draft, the rules) and the user
 * message (the one patient's record and the instructions). Holds PHI unless de-identified: {@link #toString()}
 * shows sizes only.
 */
record ChatPrompt(String system, String user) {

    ChatPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }

    @Override
    public String toString() {
        return "ChatPrompt[" + system.length() + " + " + user.length() + " chars]";
    }
}
