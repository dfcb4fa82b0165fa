package org.medrelay.bench;

/** The benchmarks' {@code --name value} command-line options. */
final class BenchOptions {

    private BenchOptions() {
    }

    /** The integer after {@code name}, or {@code fallback} when the option is not given. */
    static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
