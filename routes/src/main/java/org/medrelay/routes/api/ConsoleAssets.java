package org.medrelay.routes.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's files ({@code console/} on the classpath), read once at startup and served from memory under
 * {@code /console/}. A fixed list, not a folder: nothing else on the classpath can be fetched through it.
 */
final class ConsoleAssets implements Handler<RoutingContext> {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, Buffer> contents;

    ConsoleAssets() {
        this.contents = Map.copyOf(FILES.keySet().stream()
                .collect(java.util.stream.Collectors.toMap(name -> name, ConsoleAssets::read)));
    }

    @Override
    public void handle(RoutingContext context) {
        String path = context.normalizedPath();
        String name = path.equals("/console/") || path.equals("/console") ? "index.html"
                : path.substring(path.lastIndexOf('/') + 1);
        Buffer content = path.startsWith("/console/") && path.indexOf('/', "/console/".length()) < 0
                ? contents.get(name) : null;
        if (content == null) {
            context.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("not found");
            return;
        }
        context.response().putHeader("Content-Type", FILES.get(name)).end(content);
    }

    private static Buffer read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console file missing from the build: console/" + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
