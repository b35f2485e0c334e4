package org.outward.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An in-process OpenTelemetry collector for the system tests: takes OTLP/HTTP trace exports
 * ({@code POST /v1/traces}, protobuf {@code ExportTraceServiceRequest}) from the services and keeps every span
 * with the {@code service.name} of the resource that sent it. Decodes just the fields it needs from the
 * protobuf wire format, so it needs no generated classes.
 */
final class TraceReceiver implements AutoCloseable {

    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    TraceReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(body);
                }
                int status = 200;
                try {
                    spans.addAll(decodeRequest(body.readAllBytes()));
                } catch (RuntimeException e) {
                    status = 400;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    /** What to set as the services' MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    static List<Span> decodeRequest(byte[] bytes) {
        List<Span> result = new ArrayList<>();
        Wire request = new Wire(bytes);
        while (request.more()) {
            int field = request.tag();
            if (field == 1) {
                decodeResourceSpans(request.bytes(), result);
            } else {
                request.skip();
            }
        }
        return result;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private static void decodeResourceSpans(byte[] bytes, List<Span> result) {
        Wire wire = new Wire(bytes);
        String service = null;
        List<byte[]> scopes = new ArrayList<>();
        while (wire.more()) {
            int field = wire.tag();
            if (field == 1) {
                service = serviceName(wire.bytes());
            } else if (field == 2) {
                scopes.add(wire.bytes());
            } else {
                wire.skip();
            }
        }
        for (byte[] scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            Wire scopeWire = new Wire(scope);
            while (scopeWire.more()) {
                if (scopeWire.tag() == 2) {
                    result.add(decodeSpan(service, scopeWire.bytes()));
                } else {
                    scopeWire.skip();
                }
            }
        }
    }

    // Resource { repeated KeyValue attributes = 1; } KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { oneof: string string_value = 1; ... }
    private static String serviceName(byte[] resource) {
        Wire wire = new Wire(resource);
        while (wire.more()) {
            if (wire.tag() != 1) {
                wire.skip();
                continue;
            }
            Wire keyValue = new Wire(wire.bytes());
            String key = null;
            String value = null;
            while (keyValue.more()) {
                int field = keyValue.tag();
                if (field == 1) {
                    key = new String(keyValue.bytes(), StandardCharsets.UTF_8);
                } else if (field == 2) {
                    Wire any = new Wire(keyValue.bytes());
                    while (any.more()) {
                        if (any.tag() == 1) {
                            value = new String(any.bytes(), StandardCharsets.UTF_8);
                        } else {
                            any.skip();
                        }
                    }
                } else {
                    keyValue.skip();
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return null;
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4;
    //        string name = 5; SpanKind kind = 6; ... }
    private static Span decodeSpan(String service, byte[] bytes) {
        Wire wire = new Wire(bytes);
        String traceId = null;
        String spanId = null;
        String parent = "";
        String name = null;
        int kind = 0;
        while (wire.more()) {
            switch (wire.tag()) {
                case 1 -> traceId = HexFormat.of().formatHex(wire.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(wire.bytes());
                case 4 -> parent = HexFormat.of().formatHex(wire.bytes());
                case 5 -> name = new String(wire.bytes(), StandardCharsets.UTF_8);
                case 6 -> kind = (int) wire.varint();
                default -> wire.skip();
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind);
    }

    /** A reader of the protobuf wire format: tags, varints, length-delimited fields, skipping the rest. */
    private static final class Wire {
        private final ByteArrayInputStream in;
        private int wireType;

        Wire(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        boolean more() {
            return in.available() > 0;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalArgumentException("truncated varint");
                }
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        byte[] bytes() {
            if (wireType != 2) {
                throw new IllegalArgumentException("expected a length-delimited field, wire type " + wireType);
            }
            int length = (int) varint();
            byte[] bytes = new byte[length];
            if (length > 0 && in.read(bytes, 0, length) != length) {
                throw new IllegalArgumentException("truncated field");
            }
            return bytes;
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> skip(8);
                case 2 -> skip(varint());
                case 5 -> skip(4);
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
            }
        }

        private void skip(long n) {
            if (in.skip(n) != n) {
                throw new IllegalArgumentException("truncated field");
            }
        }
    }
}
