package org.medrelay.routes.api;

import org.medrelay.routes.engine.EngineProperties;

import java.time.Duration;

/**
 * The engine's HTTP listener for the API and console, from {@code medrelay.http.*} (documented with defaults in
 * {@code medrelay-defaults.properties}).
 *
 * @param idleTimeout     a session unused this long is ended (the person is logged off)
 * @param maxLifetime     a session older than this is ended however busy it is
 * @param maxBodyBytes    larger request bodies are refused (413)
 */
public record HttpSettings(boolean enabled, String host, int port, Duration idleTimeout, Duration maxLifetime,
                           long maxBodyBytes) {

    public static HttpSettings from(EngineProperties props) {
        return new HttpSettings(props.getBoolean("medrelay.http.enabled"), props.get("medrelay.http.host"),
                props.getInt("medrelay.http.port"),
                Duration.ofSeconds(props.getLong("medrelay.http.session.idle-timeout-seconds")),
                Duration.ofMinutes(props.getLong("medrelay.http.session.max-lifetime-minutes")),
                props.getLong("medrelay.http.max-body-bytes"));
    }
}
