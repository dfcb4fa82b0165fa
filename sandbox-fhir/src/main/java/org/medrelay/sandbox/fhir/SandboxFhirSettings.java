package org.medrelay.sandbox.fhir;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the sandbox EHR keeps its data and where it listens.
 *
 * @param jdbcUrl         the relational store, e.g. {@code jdbc:h2:file:/abs/data/sandbox-fhir/ehr;AUTO_SERVER=TRUE};
 *                        credentials, if any, go in the URL ({@code ;USER=..;PASSWORD=..} for H2)
 * @param host            interface to bind; loopback by default because the sandbox has no authentication
 * @param port            TCP port, {@code 0} for an ephemeral one (read it back from {@link SandboxFhirServer#getPort()})
 * @param contextPath     path of the FHIR base, {@code "/fhir"} by default; {@code ""} serves at the root
 * @param defaultPageSize search page size when the client sends no {@code _count}
 * @param maxPageSize     largest {@code _count} honoured; larger requests are cut down to it
 */
public record SandboxFhirSettings(
        String jdbcUrl, String host, int port, String contextPath, int defaultPageSize, int maxPageSize) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_CONTEXT_PATH = "/fhir";
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int DEFAULT_MAX_PAGE_SIZE = 500;

    public SandboxFhirSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(contextPath, "contextPath");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must be a JDBC URL (jdbc:...)");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must name an interface, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (ephemeral) to 65535, was " + port);
        }
        if (!contextPath.isEmpty() && (!contextPath.startsWith("/") || contextPath.endsWith("/"))) {
            throw new IllegalArgumentException("contextPath must be \"\" or start with '/' and not end with one, was " + contextPath);
        }
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("page sizes must satisfy 1 <= defaultPageSize <= maxPageSize");
        }
    }

    /** Settings with the default page sizes. */
    public static SandboxFhirSettings of(String jdbcUrl, String host, int port, String contextPath) {
        return new SandboxFhirSettings(jdbcUrl, host, port, contextPath, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGE_SIZE);
    }

    /**
     * The engine's embedded defaults: an H2 file under {@code <dataDirectory>/sandbox-fhir/ehr}, served at
     * {@code http://127.0.0.1:8080/fhir}. AUTO_SERVER lets an operator open the same file with an H2 console
     * while the engine runs; note that H2 then listens on an ephemeral TCP port on all interfaces (guarded by a
     * random key kept in the lock file), so drop it from the URL where that port must not exist.
     */
    public static SandboxFhirSettings forDataDirectory(Path dataDirectory) {
        Path database = dataDirectory.toAbsolutePath().resolve("sandbox-fhir").resolve("ehr");
        return of("jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CONTEXT_PATH);
    }

    public SandboxFhirSettings withPort(int newPort) {
        return new SandboxFhirSettings(jdbcUrl, host, newPort, contextPath, defaultPageSize, maxPageSize);
    }

    public SandboxFhirSettings withHost(String newHost) {
        return new SandboxFhirSettings(jdbcUrl, newHost, port, contextPath, defaultPageSize, maxPageSize);
    }

    public SandboxFhirSettings withPageSizes(int newDefaultPageSize, int newMaxPageSize) {
        return new SandboxFhirSettings(jdbcUrl, host, port, contextPath, newDefaultPageSize, newMaxPageSize);
    }

    /** The JDBC URL can carry a password; keep it out of logs and exception messages. */
    @Override
    public String toString() {
        return "SandboxFhirSettings[host=" + host + ", port=" + port + ", contextPath=" + contextPath
                + ", defaultPageSize=" + defaultPageSize + ", maxPageSize=" + maxPageSize + "]";
    }
}
