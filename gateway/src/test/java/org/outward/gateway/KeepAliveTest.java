package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outward.platform.test.TestTokens;

/**
 * A browser's keep-alive connection keeps being served after a call that arrived while the previous answer was
 * still being finished: before Reactor Netty 1.3.8 (reactor-netty #4361) such a connection stopped reading and
 * the next call on it hung until the client closed it (the web client's /bff/user after a 304 of the page). Fails
 * with Boot's Reactor Netty 1.3.6 ({@code -Dreactor-netty.version=1.3.6}); the root pom pins 1.3.8.
 */
class KeepAliveTest extends EdgeTestBase {

    @Test
    void aConnectionAnswersTheCallAfterAQueuedOneThatWasAnsweredAtOnce() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // A guard against hanging forever, not a measurement: a healthy answer takes milliseconds.
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // A proxied call that takes 100 ms, and behind it on the same connection a call the gateway answers
            // itself at once (401: nobody is signed in): the server queues the second until the first is done.
            out.write((get("/api/catalog/webinars/delay", "Authorization: Bearer " + TestTokens.staff())
                    + get("/bff/user", null)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatus(in)).isEqualTo(200);
            assertThat(readStatus(in)).isEqualTo(401);

            out.write(get("/bff/user", null).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatus(in)).as("the answer to the next call on the same connection").isEqualTo(401);
        }
    }

    private static String get(String path, String header) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (header == null ? "" : header + "\r\n") + "\r\n";
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body) and answers its status. */
    private static int readStatus(InputStream in) throws IOException {
        int status = Integer.parseInt(readLine(in).split(" ")[1]);
        int length = 0;
        boolean chunked = false;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.readNBytes(length);
            return status;
        }
        int size;
        while ((size = Integer.parseInt(readLine(in).trim(), 16)) > 0) {
            in.readNBytes(size);
            readLine(in);
        }
        readLine(in);
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
