package org.medrelay.processors.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 speaking the chat-completions protocol, standing in for a model: it records
 * every request exactly as it arrived (body and Authorization header) and answers with what {@code writer} makes
 * of the user message, as a model writes from its prompt.
 */
final class RecordingChatEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Received(String body, String authorization) {

        String userMessage() {
            return message("user");
        }

        String message(String role) {
            try {
                for (JsonNode message : JSON.readTree(body).path("messages")) {
                    if (role.equals(message.path("role").asText())) {
                        return message.path("content").asText();
                    }
                }
                return "";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<String, String> writer = user -> "Draft based on: " + user;
    private volatile int status = 200;

    RecordingChatEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** How the "model" answers, from the user message it was sent. */
    RecordingChatEndpoint answering(Function<String, String> replyWriter) {
        this.writer = replyWriter;
        return this;
    }

    RecordingChatEndpoint failingWith(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(body, exchange.getRequestHeaders().getFirst("Authorization"));
        received.add(request);
        byte[] answer;
        if (status == 200) {
            ObjectNode reply = JSON.createObjectNode();
            reply.put("model", "synthetic-drafter-1");
            reply.putArray("choices").addObject().putObject("message").put("role", "assistant")
                    .put("content", writer.apply(request.userMessage()));
            answer = reply.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            // What some servers do: echo the prompt in the error. MedRelay must not pass this on.
            answer = ("{\"error\":{\"message\":\"overloaded while reading: " + request.userMessage()
                    .replace("\"", "'").replace("\n", " ") + "\"}}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
