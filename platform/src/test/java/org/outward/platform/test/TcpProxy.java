package org.outward.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP forwarder on a fixed local port, for tests that need a dependency to be unreachable first and reachable
 * later at the same address (a client's bootstrap address, say): until {@link #start()} nothing listens there.
 * {@link #close()} makes it unreachable again, cutting the connections already open; {@link #start()} reopens it.
 * The target port may be set after construction ({@link #target(int)}), for a server whose port is known late.
 */
public class TcpProxy implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private volatile int targetPort;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    public TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public TcpProxy target(int port) {
        this.targetPort = port;
        return this;
    }

    public int port() {
        return port;
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                open.add(client);
                Socket target = new Socket(targetHost, targetPort);
                open.add(target);
                // Without it, each forwarded small write waits for the other side's delayed ACK (about 40 ms).
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                pipe(client, target);
                pipe(target, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees a dropped connection, as with a real outage
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection ended
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Connections accepted so far (a client that reuses its connections opens few). */
    public int accepted() {
        return accepted.get();
    }

    /** Nothing listens any more and every open connection is cut, as when the target's host goes away. */
    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }
}
