package org.outward.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real, tiny HTTP service standing in for catalog/notes/notification behind the gateway. It echoes
 * the request body, tells who served it and what it saw (headers X-Served-By, X-Seen-Uri), echoes
 * X-Request-Id like the real services do, and remembers the last request it received.
 * Paths ending in {@code /delay} answer after 100 ms; paths ending in {@code /problem} answer with a 409 problem+json; paths ending in {@code /slow} hang
 * until {@link #close()}.
 */
final class Downstream implements AutoCloseable {

    /** What the service received. */
    record Received(String method, String uri, List<String> requestIds, String authorization, String body,
            Map<String, List<String>> headers) {

        /** Every value of a request header (any case). */
        List<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }
    }

    static final String PROBLEM_BODY = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"The library already joined this cohort.\",\"instance\":\"/api/catalog/cohorts/c1/libraries\","
            + "\"requestId\":\"downstream-id\",\"errors\":[{\"field\":\"libraryId\",\"message\":\"already joined\"}]}";

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final AtomicReference<Received> last = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

    Downstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Received last() {
        return last.get();
    }

    /** How many requests were received completely. */
    int count() {
        return count.get();
    }

    /** A URL nobody listens on (port taken from the OS, then freed again). */
    static String closedUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String uri = exchange.getRequestURI().toString();
            List<String> requestIds = exchange.getRequestHeaders().getOrDefault("X-Request-Id", List.of());
            last.set(new Received(exchange.getRequestMethod(), uri, requestIds,
                    exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8),
                    Map.copyOf(exchange.getRequestHeaders())));
            count.incrementAndGet();
            if (!requestIds.isEmpty()) {
                exchange.getResponseHeaders().add("X-Request-Id", requestIds.get(0));
            }
            exchange.getResponseHeaders().add("X-Served-By", name);
            exchange.getResponseHeaders().add("X-Seen-Uri", uri);
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/slow")) {
                releaseSlow.await(30, TimeUnit.SECONDS);
                respond(exchange, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
            } else if (path.endsWith("/delay")) {
                Thread.sleep(100);
                respond(exchange, 200, "text/plain", "delayed".getBytes(StandardCharsets.UTF_8));
            } else if (path.endsWith("/problem")) {
                respond(exchange, 409, "application/problem+json", PROBLEM_BODY.getBytes(StandardCharsets.UTF_8));
            } else {
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                respond(exchange, 200, type == null ? "text/plain" : type, body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
