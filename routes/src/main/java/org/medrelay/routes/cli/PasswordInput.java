package org.medrelay.routes.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A new password for {@code medrelay users}: asked for twice without echo at a terminal, or read as one line of
 * standard input (for provisioning scripts), never from an option, where it would stay in the shell history and
 * show in the process list.
 */
final class PasswordInput {

    private final int minimumLength;

    PasswordInput(int minimumLength) {
        this.minimumLength = minimumLength;
    }

    char[] read() throws IOException {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("New password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || !Arrays.equals(password, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < minimumLength) {
            throw new IllegalArgumentException("a password needs at least " + minimumLength
                    + " characters (medrelay.access.min-password-length)");
        }
        return password;
    }
}
