package org.medrelay.routes.engine;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.medrelay.processors.eligibility.EligibilitySettings;
import org.medrelay.processors.eligibility.PayerClearinghouses;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clearinghouses besides the default ({@code medrelay.eligibility.clearinghouses}): for each, the
 * {@code eligibility-request-out} and {@code eligibility-response-in} route templates of the YAML routes are made into
 * {@code eligibility-request-out-<name>} and {@code eligibility-response-in-<name>} with its SFTP drop
 * ({@code medrelay.eligibility.clearinghouses.<name>.sftp.*}, each key defaulting to the default's), so the flow is
 * written once. Which payer goes where is the table {@code medrelay.eligibility.payer-clearinghouses}.
 */
final class EligibilityClearinghouses {

    private static final List<String> SFTP = List.of("host", "port", "username",
            "use-user-known-hosts-file", "strict-host-key-checking", "outbox", "inbox", "inbox-done", "inbox-poll-ms",
            "read-lock-check-ms");

    private EligibilityClearinghouses() {
    }

    /** The payer table, checked against the configured clearinghouses, or none when no table is configured. */
    static PayerClearinghouses routing(EngineProperties props, EligibilitySettings settings) {
        String table = props.get("medrelay.eligibility.payer-clearinghouses");
        if (table == null || table.isBlank()) {
            return PayerClearinghouses.none();
        }
        Set<String> known = new HashSet<>(settings.clearinghouses());
        known.add(EligibilitySettings.DEFAULT_CLEARINGHOUSE);
        return PayerClearinghouses.load(Path.of(table.trim()), known);
    }

    /** Once the YAML routes (and so the templates) are loaded, one route pair per further clearinghouse. */
    static void addRoutes(Main main, EligibilitySettings settings) {
        for (String name : settings.clearinghouses()) {
            parameters(settings, name); // a missing or malformed setting stops the engine at start, naming it
            settings.partnersFor(name, "");
            settings.delimiters(name);
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                CamelContext camel = configured.getCamelContext();
                for (String name : settings.clearinghouses()) {
                    Map<String, Object> drop = parameters(settings, name);
                    try {
                        camel.addRouteFromTemplate("eligibility-request-out-" + name, "eligibility-request-out", drop);
                        camel.addRouteFromTemplate("eligibility-response-in-" + name, "eligibility-response-in", drop);
                    } catch (Exception e) {
                        throw new IllegalStateException("the eligibility routes of clearinghouse " + name + " could not be made: "
                                + e.getMessage(), e);
                    }
                }
            }
        });
    }

    private static Map<String, Object> parameters(EligibilitySettings settings, String name) {
        Map<String, String> sftp = new LinkedHashMap<>();
        for (String key : SFTP) {
            sftp.put(key, settings.clearinghouseOr(name, "", "sftp." + key));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("clearinghouse", name);
        p.put("enabled", settings.clearinghouseOr(name, "", "sftp.enabled"));
        p.put("checkMs", settings.clearinghouseOr(name, "", "batch.check-ms"));
        p.put("host", sftp.get("host"));
        p.put("port", sftp.get("port"));
        p.put("username", sftp.get("username"));
        p.put("password", settings.clearinghouseOptional(name, "", "sftp.password"));
        p.put("knownHostsFile", settings.clearinghouseOptional(name, "", "sftp.known-hosts-file"));
        p.put("useUserKnownHostsFile", sftp.get("use-user-known-hosts-file"));
        p.put("strictHostKeyChecking", sftp.get("strict-host-key-checking"));
        p.put("outbox", sftp.get("outbox"));
        p.put("inbox", sftp.get("inbox"));
        p.put("inboxDone", sftp.get("inbox-done"));
        p.put("inboxPollMs", sftp.get("inbox-poll-ms"));
        p.put("readLockCheckMs", sftp.get("read-lock-check-ms"));
        return p;
    }
}
