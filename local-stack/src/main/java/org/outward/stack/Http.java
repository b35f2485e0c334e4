package org.outward.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the launcher and the system tests. */
public final class Http {

    /** A response: status and body parsed as JSON (null when empty or not JSON). */
    public record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_THROTTLED_RETRIES = 10;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearer;

    public Http(String baseUrl) {
        this(baseUrl, null);
    }

    private Http(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    /** The same client, sending this access token. */
    public Http withToken(String accessToken) {
        return new Http(baseUrl, accessToken);
    }

    /** A token from the development identity provider: {@code POST /dev/token}. */
    public static String devToken(String identityUrl, String email, String password) {
        Response response = new Http(identityUrl).send(HttpRequest.newBuilder(URI.create(identityUrl + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username="
                        + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                        + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8))));
        if (response.status() != 200) {
            throw new IllegalStateException("no token for " + email + ": HTTP " + response.status() + " " + response.raw());
        }
        return response.body().get("access_token").asString();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A GET with extra request headers (for example {@code Accept}). */
    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** A JSON PUT, with extra request headers (for example {@code If-Match}). */
    public Response put(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** One part of a multipart/form-data body; {@code filename} null for a plain field. */
    public record Part(String name, String filename, String contentType, byte[] content) {
    }

    /** A multipart/form-data POST (RFC 7578), as a browser form with files sends it. */
    public Response postMultipart(String path, List<Part> parts) {
        String boundary = "outward-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(part.filename()).append('"');
            }
            head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response post(String path, Object body) {
        String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder builder) {
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // The gateway limits requests per user and per address (429 with Retry-After). A fast machine runs
            // the system tests quicker than the limit allows, so this client does what a polite client does:
            // waits as told and asks again, a few times. Tests of the limit itself use their own clients.
            for (int retry = 0; response.statusCode() == 429 && retry < MAX_THROTTLED_RETRIES; retry++) {
                Thread.sleep(retryAfter(response).toMillis());
                response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            }
            return new Response(response.statusCode(), parse(response.body()), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return 1L; // an HTTP date: the gateway never sends one, so a second is a fair guess
            }
        }).orElse(1L);
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, 30)));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static JsonNode readJson(java.io.InputStream in) {
        return JSON.readTree(in);
    }
}
