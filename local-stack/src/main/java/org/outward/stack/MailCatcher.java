package org.outward.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * GreenMail as the SMTP server of the stack, accepting every message, plus a small web page and JSON API to
 * read what the system sent: {@code /} lists the emails, {@code /messages/{n}} shows one,
 * {@code /api/messages} returns all of them as JSON. The services reach GreenMail through {@link SmtpFaults} on the
 * stack's SMTP port, which passes everything until a fault test makes it fail.
 */
final class MailCatcher implements AutoCloseable {

    private final GreenMail greenMail;
    private final SmtpFaults faults;
    private final HttpServer viewer;
    private final JsonMapper json = JsonMapper.builder().build();

    MailCatcher(int smtpPort, int viewerPort) throws IOException {
        int greenMailPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            greenMailPort = free.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(greenMailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        faults = new SmtpFaults(smtpPort, "127.0.0.1", greenMailPort);
        viewer = HttpServer.create(new InetSocketAddress("127.0.0.1", viewerPort), 0);
        viewer.createContext("/api/messages", exchange -> respond(exchange, 200, "application/json",
                json.writeValueAsString(messages())));
        viewer.createContext("/messages/", this::showMessage);
        viewer.createContext("/", exchange -> respond(exchange, 200, "text/html; charset=utf-8", listPage()));
    }

    void start() throws IOException {
        greenMail.start();
        faults.start();
        viewer.start();
    }

    SmtpFaults faults() {
        return faults;
    }

    /**
     * One received email in full, for tests that must see everything in it: the raw message as it came over
     * SMTP, every header (values decoded from RFC 2047), and every leaf part decoded (its headers and content).
     */
    record Caught(List<String> to, String raw, List<String> headers, List<String> parts) {

        /** Everything a person could see in it, decoded and raw, as one text to search. */
        String everything() {
            return String.join("\n", headers) + "\n" + String.join("\n", parts) + "\n" + raw;
        }
    }

    /** Every email received so far in full (one copy per recipient), oldest first. */
    List<Caught> caught() {
        List<Caught> out = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                message.writeTo(raw);
                List<String> parts = new ArrayList<>();
                leaves(message, parts);
                out.add(new Caught(addresses(message.getAllRecipients()), raw.toString(StandardCharsets.UTF_8),
                        headers(message), parts));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot read a caught email", e);
            }
        }
        return out;
    }

    private static List<String> headers(Part part) throws MessagingException {
        List<String> headers = new ArrayList<>();
        for (java.util.Enumeration<jakarta.mail.Header> all = part.getAllHeaders(); all.hasMoreElements(); ) {
            jakarta.mail.Header header = all.nextElement();
            String value;
            try {
                value = jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(
                        header.getValue()));
            } catch (java.io.UnsupportedEncodingException e) {
                value = header.getValue();
            }
            headers.add(header.getName() + ": " + value);
        }
        return headers;
    }

    private static void leaves(Part part, List<String> out) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves(multipart.getBodyPart(i), out);
            }
            return;
        }
        String text = content instanceof String string ? string
                : content instanceof java.io.InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : String.valueOf(content);
        out.add(String.join("\n", headers(part)) + "\n\n" + text);
    }

    /** Every email received so far (one copy per recipient), oldest first. */
    List<Map<String, Object>> messages() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < received.length; i++) {
            out.add(describe(i, received[i]));
        }
        return out;
    }

    private Map<String, Object> describe(int index, MimeMessage message) {
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", index);
            m.put("messageId", message.getMessageID());
            m.put("from", message.getFrom() == null ? List.of()
                    : Arrays.stream(message.getFrom()).map(Address::toString).toList());
            m.put("to", addresses(message.getAllRecipients()));
            m.put("subject", message.getSubject());
            m.put("sentAt", message.getSentDate() == null ? null : message.getSentDate().toInstant().toString());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of("List-Unsubscribe", "List-Unsubscribe-Post", "X-Outward-Idempotency-Key")) {
                String value = message.getHeader(name, ", ");
                if (value != null) {
                    headers.put(name, value);
                }
            }
            m.put("headers", headers);
            m.put("text", part(message, "text/plain"));
            m.put("html", part(message, "text/html"));
            return m;
        } catch (MessagingException | IOException e) {
            return Map.of("index", index, "error", String.valueOf(e.getMessage()));
        }
    }

    /** Bare addresses, without display names, so they compare with the roster's emails. */
    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.getAddress() : a.toString())
                .toList();
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String listPage() {
        StringBuilder rows = new StringBuilder();
        List<Map<String, Object>> all = messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            Map<String, Object> m = all.get(i);
            rows.append("<tr><td>").append(escape(String.valueOf(m.get("sentAt")))).append("</td><td>")
                    .append(escape(String.valueOf(m.get("to")))).append("</td><td><a href=\"/messages/")
                    .append(m.get("index")).append("\">").append(escape(String.valueOf(m.get("subject"))))
                    .append("</a></td></tr>\n");
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Outward mail catcher</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 12px;text-align:left}</style></head>"
                + "<body><h1>Emails sent by Outward (" + all.size() + ")</h1>"
                + "<p>Newest first. JSON: <a href=\"/api/messages\">/api/messages</a></p>"
                + "<table><tr><th>Sent</th><th>To</th><th>Subject</th></tr>\n" + rows + "</table></body></html>";
    }

    private void showMessage(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        List<Map<String, Object>> all = messages();
        int index;
        try {
            index = Integer.parseInt(parts[2]);
        } catch (RuntimeException e) {
            index = -1;
        }
        if (index < 0 || index >= all.size()) {
            respond(exchange, 404, "text/plain; charset=utf-8", "no such message");
            return;
        }
        Map<String, Object> m = all.get(index);
        if (parts.length > 3 && parts[3].equals("html") && m.get("html") != null) {
            respond(exchange, 200, "text/html; charset=utf-8", (String) m.get("html"));
            return;
        }
        String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(String.valueOf(m.get("subject")))
                + "</title></head><body style=\"font-family:sans-serif;margin:2em\"><p><a href=\"/\">All emails</a></p>"
                + "<h1>" + escape(String.valueOf(m.get("subject"))) + "</h1><p>To: " + escape(String.valueOf(m.get("to")))
                + "<br>Headers: " + escape(String.valueOf(m.get("headers"))) + "</p>"
                + "<h2>HTML part</h2><iframe sandbox src=\"/messages/" + index + "/html\" style=\"width:100%;height:28em\"></iframe>"
                + "<h2>Text part</h2><pre>" + escape(String.valueOf(m.get("text"))) + "</pre></body></html>";
        respond(exchange, 200, "text/html; charset=utf-8", page);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        viewer.stop(0);
        faults.close();
        greenMail.stop();
    }
}
