package org.outward.gateway.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;

/**
 * What the gateway tells the caller about a failure it produced itself. Pure mapping from the
 * exception to status/title/detail, kept apart from the rendering so it can be unit-tested.
 * Details are written for API clients: they never contain exception messages of internal parts,
 * hosts or ports.
 */
public record Problem(HttpStatusCode status, String title, String detail) {

    /** True for failures that say a downstream service is down or slow, not that the gateway is broken. */
    public boolean downstream() {
        int code = status.value();
        return code == 502 || code == 503 || code == 504;
    }

    public static Problem of(Throwable error) {
        // The route's circuit breaker is open: the service failed repeatedly, so it is not even tried.
        if (hasCauseNamed(error, "CallNotPermittedException") || hasCauseNamed(error, "BulkheadFullException")) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service handling this request is failing and is given a moment to recover. Try again shortly.");
        }
        // Reaching the service failed: refused, connect timeout (netty's ConnectTimeoutException is a
        // ConnectException), unknown host (container not up yet), no route. Retrying later may work.
        if (hasCause(error, ConnectException.class) || hasCause(error, UnknownHostException.class)
                || hasCause(error, NoRouteToHostException.class) || hasCauseNamed(error, "PoolAcquireTimeoutException")) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service handling this request is not reachable right now. Try again shortly.");
        }
        // A browser session's access token could not be refreshed (refresh token expired or revoked, provider
        // session ended): the person has to sign in again.
        if (hasCauseNamed(error, "ClientAuthorizationRequiredException") || hasCauseNamed(error, "ClientAuthorizationException")) {
            return signInExpired();
        }
        // The session store (MongoDB) is not reachable: sessions cannot be checked right now.
        if (hasCauseNamed(error, "MongoTimeoutException") || hasCauseNamed(error, "MongoSocketException")
                || hasCauseNamed(error, "MongoSocketOpenException")) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "Signed-in sessions cannot be checked right now. Try again shortly.");
        }
        if (error instanceof ErrorResponse response) {
            return fromErrorResponse(response);
        }
        if (hasCause(error, TimeoutException.class)) {
            return gatewayTimeout();
        }
        if (hasCause(error, IOException.class)) {
            // e.g. reactor-netty's PrematureCloseException: the service dropped the connection mid-exchange.
            return new Problem(HttpStatus.BAD_GATEWAY, "Bad gateway",
                    "The service handling this request closed the connection unexpectedly.");
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. Quote the request id when reporting this.");
    }

    public static Problem unauthorized() {
        return new Problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required.");
    }

    public static Problem signInExpired() {
        return new Problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Your sign-in has expired. Sign in again.");
    }

    public static Problem csrfRefused() {
        return new Problem(HttpStatus.FORBIDDEN, "Forbidden",
                "Missing or wrong CSRF token: send the value of the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.");
    }

    public static Problem forbidden() {
        return forbidden("You may not do this.");
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static Problem corsRefused() {
        return new Problem(HttpStatus.FORBIDDEN, "Forbidden", "Cross-origin requests from this origin are not allowed.");
    }

    public static Problem tooManyRequests() {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "Too many requests from this client. Retry after the number of seconds in Retry-After.");
    }

    public static Problem bodyTooLarge(long limitBytes) {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "The request body exceeds the limit of " + limitBytes + " bytes for this path.");
    }

    private static Problem fromErrorResponse(ErrorResponse response) {
        HttpStatusCode status = response.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error" : known.getReasonPhrase();
        if (status.value() == 404) {
            // Unknown path: no route (and no actuator endpoint) matches it.
            return new Problem(status, "Not found", "No API resource matches this path.");
        }
        if (status.value() == 504) {
            return gatewayTimeout();
        }
        if (status.is4xxClientError() && response.getBody().getDetail() != null) {
            return new Problem(status, title, response.getBody().getDetail());
        }
        return new Problem(status, title, status.is5xxServerError()
                ? "The request could not be completed. Quote the request id when reporting this."
                : "The request was not accepted.");
    }

    private static Problem gatewayTimeout() {
        return new Problem(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout",
                "The service handling this request did not answer in time.");
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** For exception types living in shaded/internal packages we should not compile against. */
    private static boolean hasCauseNamed(Throwable error, String simpleName) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }
}
