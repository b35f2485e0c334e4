package org.outward.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real, tiny OAuth2 token endpoint standing in for the identity provider's: it answers each POST with the
 * status and JSON body set by the test, and remembers the last form and Authorization header it received.
 */
final class TokenEndpoint implements AutoCloseable {

    record Received(String authorization, String form) {
    }

    private final HttpServer server;
    private final AtomicReference<Received> last = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 400;
    private volatile String body = "{\"error\":\"invalid_grant\"}";

    TokenEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    void answer(int status, String json) {
        this.status = status;
        this.body = json;
    }

    Received last() {
        return last.get();
    }

    int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            last.set(new Received(exchange.getRequestHeaders().getFirst("Authorization"), form));
            calls.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
