package org.outward.notification.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.outward.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the service under test; as program staff unless told otherwise. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DEFAULT_ACCEPT = "application/json, application/problem+json, text/html";

    private final int port;
    private final String base;
    private final String token;
    private final String accept;
    private final String forwardedFor;

    public Api(int port) {
        this(port, TestTokens.staff(), DEFAULT_ACCEPT, null);
    }

    private Api(int port, String token, String accept, String forwardedFor) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.token = token;
        this.accept = accept;
        this.forwardedFor = forwardedFor;
    }

    /** The same API with another bearer token, or none (null). */
    public Api as(String bearer) {
        return new Api(port, bearer, accept, forwardedFor);
    }

    /** The same API sending this Accept header, or none (null). */
    public Api accepting(String mediaTypes) {
        return new Api(port, token, mediaTypes, forwardedFor);
    }

    /**
     * The same API as if the gateway forwarded for this client address: this machine is a trusted proxy of the
     * service, so the address is the client's (its own unsubscribe rate-limit bucket, for instance).
     */
    public Api forwardedFor(String clientAddress) {
        return new Api(port, token, accept, clientAddress);
    }

    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, "application/json");
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response postForm(String path, String form) {
        return send("POST", path, form, "application/x-www-form-urlencoded");
    }

    public Response send(String method, String pathAndQuery, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = text == null || text.isBlank() || !type.contains("json") ? null : JSON.readTree(text);
            return new Response(response.statusCode(), type, json, text,
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, JsonNode json, String body, String retryAfter) {
    }
}
