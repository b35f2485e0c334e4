package org.outward.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The request id (X-Request-Id) that ties together the logs of one request across the gateway, the
 * services, the events it causes and the emails those cause. Kept in the logging MDC under
 * {@value #MDC_KEY} so every log line carries it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String KAFKA_HEADER_REQUEST_ID = "x-request-id";
    public static final String KAFKA_HEADER_EVENT_ID = "x-event-id";
    public static final String KAFKA_HEADER_EVENT_TYPE = "x-event-type";

    /** Ids from outside are accepted only in a harmless shape, so they cannot forge log lines. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The given id when it is well-formed, otherwise a new one. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    public static void set(String requestId) {
        if (requestId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, requestId);
        }
    }

    public static String fromKafkaHeaders(Headers headers) {
        Header header = headers.lastHeader(KAFKA_HEADER_REQUEST_ID);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
