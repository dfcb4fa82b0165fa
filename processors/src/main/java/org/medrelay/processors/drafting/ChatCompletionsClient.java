package org.medrelay.processors.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * POSTs a prompt to one OpenAI-compatible {@code /chat/completions} endpoint (java.net.http) and reads the first
 * choice's text. Redirects are not followed: a redirect would send the prompt to a host nobody marked. Errors name
 * the endpoint and the HTTP status, never the prompt or the reply body, which an endpoint may echo back.
 */
final class ChatCompletionsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatCompletionsEndpoint endpoint;
    private final HttpClient http;

    ChatCompletionsClient(ChatCompletionsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder()
                .connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    ChatReply complete(ChatPrompt prompt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.chatCompletionsUri())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(prompt), StandardCharsets.UTF_8));
        if (!endpoint.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DraftingModelException("model endpoint '" + endpoint.name() + "' did not answer within "
                    + endpoint.timeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new DraftingModelException("model endpoint '" + endpoint.name() + "' unreachable: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DraftingModelException("interrupted while waiting for model endpoint '" + endpoint.name() + "'");
        }
        if (response.statusCode() != 200) {
            throw new DraftingModelException("model endpoint '" + endpoint.name() + "' answered HTTP "
                    + response.statusCode());
        }
        return read(response.body());
    }

    private String body(ChatPrompt prompt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", endpoint.model());
        // Drafts should not vary from call to call more than the model must.
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        messages.addObject().put("role", "user").put("content", prompt.user());
        return body.toString();
    }

    private ChatReply read(String body) {
        try {
            JsonNode reply = JSON.readTree(body);
            JsonNode content = reply.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new DraftingModelException("model endpoint '" + endpoint.name()
                        + "' answered without choices[0].message.content");
            }
            String model = reply.path("model").isTextual() ? reply.path("model").asText() : endpoint.model();
            return new ChatReply(content.asText(), model);
        } catch (IOException e) {
            throw new DraftingModelException("model endpoint '" + endpoint.name() + "' answered something that is"
                    + " not JSON");
        }
    }

    /** The first choice's text and the model that wrote it, as the endpoint reports it. */
    record ChatReply(String text, String model) {
        @Override
        public String toString() {
            return "ChatReply[" + model + ", " + text.length() + " chars]";
        }
    }
}
