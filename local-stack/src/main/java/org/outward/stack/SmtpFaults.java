package org.outward.stack;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stack's SMTP port: a small SMTP-aware proxy in front of the catcher (GreenMail) that passes everything through,
 * until a fault test switches it to fail the way real servers fail:
 * <ul>
 * <li>{@link #down()}: nothing listens, open connections are cut ({@link #up()} ends it);</li>
 * <li>{@link #slow(Duration)}: each message's final reply (after the "." that ends DATA) comes that much later;</li>
 * <li>{@link #rejectTemporarily()}: {@code 451} to every {@code MAIL FROM}, {@link #rejectPermanently()}:
 * {@code 554}; nothing reaches the catcher;</li>
 * <li>{@link #pass()}: back to normal.</li>
 * </ul>
 * It speaks enough SMTP for one command and one reply at a time (no PIPELINING, no CHUNKING: what the services' mail
 * client uses).
 */
public final class SmtpFaults implements AutoCloseable {

    private enum Mode { PASS, SLOW, TEMPORARY, PERMANENT }

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration delay = Duration.ZERO;
    private ServerSocket server;

    SmtpFaults(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    synchronized void start() throws IOException {
        if (server != null && !server.isClosed()) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "smtp-faults-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The SMTP server is gone: nothing listens, and every open connection is cut. */
    public synchronized void down() {
        closeQuietly(server);
        open.forEach(SmtpFaults::closeQuietly);
        open.clear();
        Console.say("SMTP is down (fault)");
    }

    /** The SMTP server is back (and passes everything). */
    public synchronized void up() throws IOException {
        pass();
        start();
        Console.say("SMTP is up again");
    }

    /** Every message's final reply comes {@code by} later (the message itself reaches the catcher at once). */
    public void slow(Duration by) {
        delay = by;
        mode = Mode.SLOW;
        Console.say("SMTP answers each message after %s (fault)", by);
    }

    /** {@code 451 4.3.0}: "try again later" to every transaction. */
    public void rejectTemporarily() {
        mode = Mode.TEMPORARY;
        Console.say("SMTP answers 451 to every message (fault)");
    }

    /** {@code 554 5.7.1}: every transaction refused for good. */
    public void rejectPermanently() {
        mode = Mode.PERMANENT;
        Console.say("SMTP answers 554 to every message (fault)");
    }

    public void pass() {
        mode = Mode.PASS;
        delay = Duration.ZERO;
    }

    public int acceptedConnections() {
        return accepted.get();
    }

    /** Messages the catcher accepted through this proxy. */
    public int delivered() {
        return delivered.get();
    }

    /** Transactions refused by the fault (451 or 554). */
    public int rejected() {
        return rejected.get();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                Thread handler = new Thread(() -> handle(client), "smtp-faults-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed: down
            }
        }
    }

    private void handle(Socket client) {
        open.add(client);
        Socket upstream = null;
        try (client; Socket target = new Socket(targetHost, targetPort)) {
            upstream = target;
            open.add(target);
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            InputStream fromServer = new BufferedInputStream(target.getInputStream());
            OutputStream toServer = new BufferedOutputStream(target.getOutputStream());
            relayReply(fromServer, toClient); // greeting
            boolean data = false;
            byte[] line;
            while ((line = readLine(fromClient)) != null) {
                String text = new String(line, StandardCharsets.US_ASCII).trim();
                if (data) {
                    toServer.write(line);
                    if (text.equals(".")) {
                        toServer.flush();
                        byte[] reply = readReply(fromServer);
                        if (reply == null) {
                            return;
                        }
                        if (mode == Mode.SLOW) {
                            Thread.sleep(delay.toMillis());
                        }
                        if (reply.length > 0 && reply[0] == '2') {
                            delivered.incrementAndGet();
                        }
                        toClient.write(reply);
                        toClient.flush();
                        data = false;
                    }
                    continue;
                }
                String command = text.length() >= 4 ? text.substring(0, 4).toUpperCase(Locale.ROOT) : text;
                Mode now = mode;
                if (command.equals("MAIL") && (now == Mode.TEMPORARY || now == Mode.PERMANENT)) {
                    rejected.incrementAndGet();
                    toClient.write((now == Mode.TEMPORARY ? "451 4.3.0 Try again later (fault injected)\r\n"
                            : "554 5.7.1 Message refused (fault injected)\r\n").getBytes(StandardCharsets.US_ASCII));
                    toClient.flush();
                    continue;
                }
                toServer.write(line);
                toServer.flush();
                byte[] reply = relayReply(fromServer, toClient);
                if (reply == null) {
                    return;
                }
                if (command.equals("DATA") && reply.length > 0 && reply[0] == '3') {
                    data = true;
                }
            }
        } catch (IOException e) {
            // the client, the catcher or a fault ended the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
            if (upstream != null) {
                open.remove(upstream);
            }
        }
    }

    private static byte[] relayReply(InputStream from, OutputStream to) throws IOException {
        byte[] reply = readReply(from);
        if (reply != null) {
            to.write(reply);
            to.flush();
        }
        return reply;
    }

    /** One whole reply, all its lines ({@code 250-...} continues, {@code 250 ...} ends); null at end of stream. */
    private static byte[] readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readLine(in);
            if (line == null) {
                return null;
            }
            reply.write(line);
            if (line.length < 4 || line[3] != '-') {
                return reply.toByteArray();
            }
        }
    }

    /** A line with its CRLF, or null at end of stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(server);
        open.forEach(SmtpFaults::closeQuietly);
    }
}
