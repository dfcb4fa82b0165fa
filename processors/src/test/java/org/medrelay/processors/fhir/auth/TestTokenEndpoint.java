package org.medrelay.processors.fhir.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth2 token endpoint on 127.0.0.1 that checks a client credentials grant the way an EHR's authorization
 * server does: the client secret (Basic or form), or a SMART Backend Services client assertion whose signature
 * it verifies with the JDK alone (not with the library that signed it) before checking iss, sub, aud, exp and jti.
 */
final class TestTokenEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

    private final HttpServer server;
    private final Clock clock;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();
    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    private final List<String> assertionHeaders = new CopyOnWriteArrayList<>();

    private volatile String clientId;
    private volatile String clientSecret;
    private volatile ClientSecretMethod secretMethod;
    private volatile PublicKey clientPublicKey;
    private volatile String expectedKeyId;
    private volatile long expiresInSeconds = 300;
    private volatile Duration delay = Duration.ZERO;

    private TestTokenEndpoint(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth/token", this::token);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static TestTokenEndpoint start(Clock clock) throws IOException {
        return new TestTokenEndpoint(clock);
    }

    static TestTokenEndpoint start() throws IOException {
        return start(Clock.systemUTC());
    }

    URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token");
    }

    TestTokenEndpoint expectClientSecret(String id, String secret, ClientSecretMethod method) {
        this.clientId = id;
        this.clientSecret = secret;
        this.secretMethod = method;
        return this;
    }

    TestTokenEndpoint expectClientAssertion(String id, String keyId, PublicKey publicKey) {
        this.clientId = id;
        this.expectedKeyId = keyId;
        this.clientPublicKey = publicKey;
        return this;
    }

    TestTokenEndpoint issueTokensFor(Duration lifetime) {
        this.expiresInSeconds = lifetime.toSeconds();
        return this;
    }

    /** Answers slowly, so that concurrent callers overlap while one token request is in flight. */
    TestTokenEndpoint answerAfter(Duration answerDelay) {
        this.delay = answerDelay;
        return this;
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    boolean accepts(String token) {
        return validTokens.contains(token);
    }

    /** As an EHR does when a token is revoked early: the FHIR server stops accepting what was issued. */
    void revokeAll() {
        validTokens.clear();
    }

    List<Map<String, String>> forms() {
        return forms;
    }

    /** Decoded JOSE headers of the client assertions received. */
    List<String> assertionHeaders() {
        return assertionHeaders;
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            pause();
            Map<String, String> form = formOf(exchange);
            forms.add(form);
            if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))) {
                reply(exchange, 400, Map.of("error", "unsupported_grant_type"));
                return;
            }
            String refusal = clientPublicKey != null ? assertionRefusal(form) : secretRefusal(exchange, form);
            if (refusal != null) {
                reply(exchange, 401, Map.of("error", "invalid_client", "error_description", refusal));
                return;
            }
            String token = "token-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            reply(exchange, 200, Map.of("access_token", token, "token_type", "bearer", "expires_in", expiresInSeconds));
        }
    }

    private String secretRefusal(HttpExchange exchange, Map<String, String> form) {
        String id;
        String secret;
        if (secretMethod == ClientSecretMethod.BASIC) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return "client authentication failed: no HTTP Basic credentials";
            }
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
        } else {
            id = form.get("client_id");
            secret = form.get("client_secret");
        }
        return clientId.equals(id) && clientSecret.equals(secret) ? null : "client authentication failed";
    }

    private String assertionRefusal(Map<String, String> form) {
        if (!PrivateKeyJwtAuthentication.ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            return "client_assertion_type is " + form.get("client_assertion_type");
        }
        String[] parts = String.valueOf(form.get("client_assertion")).split("\\.");
        if (parts.length != 3) {
            return "client_assertion is not a compact JWS";
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertionHeaders.add(header.toString());
            String problem = headerProblem(header);
            if (problem == null && !signatureVerifies(header.path("alg").asText(), parts)) {
                problem = "signature does not verify";
            }
            return problem != null ? problem : claimsProblem(claims);
        } catch (Exception e) {
            return "client_assertion unreadable: " + e;
        }
    }

    private String headerProblem(JsonNode header) {
        if (!"JWT".equals(header.path("typ").asText())) {
            return "typ is not JWT";
        }
        if (!expectedKeyId.equals(header.path("kid").asText())) {
            return "unknown kid " + header.path("kid").asText();
        }
        String alg = header.path("alg").asText();
        boolean fits = clientPublicKey.getAlgorithm().equals("RSA") ? alg.equals("RS384") : alg.equals("ES384");
        return fits ? null : "alg " + alg + " does not fit the registered " + clientPublicKey.getAlgorithm() + " key";
    }

    /** JWS ES384 is R||S, which the JDK reads as "P1363 format"; RS384 is plain PKCS#1 v1.5 with SHA-384. */
    private boolean signatureVerifies(String alg, String[] parts) throws Exception {
        Signature verifier = Signature.getInstance(alg.equals("RS384") ? "SHA384withRSA" : "SHA384withECDSAinP1363Format");
        verifier.initVerify(clientPublicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private String claimsProblem(JsonNode claims) {
        long now = clock.instant().getEpochSecond();
        long exp = claims.path("exp").asLong(0);
        if (!clientId.equals(claims.path("iss").asText()) || !clientId.equals(claims.path("sub").asText())) {
            return "iss and sub must be the client id";
        }
        if (!claims.path("aud").isTextual() || !tokenUrl().toString().equals(claims.path("aud").asText())) {
            return "aud must be the token URL, was " + claims.path("aud");
        }
        if (exp <= now || exp > now + MAX_ASSERTION_LIFETIME.toSeconds()) {
            return "exp must be in the next five minutes";
        }
        String jti = claims.path("jti").asText();
        if (jti.isEmpty() || !seenJtis.add(jti)) {
            return "jti missing or replayed";
        }
        return null;
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> formOf(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
