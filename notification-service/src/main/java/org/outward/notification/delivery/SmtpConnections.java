package org.outward.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Open SMTP connections kept for reuse: connecting and EHLO cost more than a message, so a sender borrows a
 * connection, sends its emails over it and gives it back. At most one connection per sender thread
 * ({@code outward.mail.connections}); one idle longer than {@code outward.mail.connection-idle-timeout} is closed
 * rather than reused (servers drop idle clients after a few minutes). A connection on which anything failed is
 * closed, never reused. Server, credentials and timeouts come from {@code spring.mail.*}.
 *
 * <p>Sockets are made with {@code TCP_NODELAY}: without it, the last small segment of every message (the
 * {@code "."} after the body) waited for the server's delayed ACK, about 40 ms per message.
 */
@Component
public class SmtpConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final Session session;
    private final JavaMailSenderImpl settings;
    private final Duration idleTimeout;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    public SmtpConnections(JavaMailSender sender, DeliveryProperties properties) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            throw new IllegalStateException("spring.mail.* must configure a JavaMailSenderImpl, not " + sender);
        }
        this.settings = impl;
        Properties props = new Properties();
        props.putAll(impl.getJavaMailProperties());
        props.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        props.put("mail.smtp.socketFactory.fallback", "false");
        nameTheStreamProvider();
        this.session = Session.getInstance(props);
        this.idleTimeout = properties.connectionIdleTimeout();
    }

    Session session() {
        return session;
    }

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /**
     * Jakarta Mail 2.1 looks up its {@link StreamProvider} with a new {@link java.util.ServiceLoader} each time it
     * writes or parses a body part or a header block (jakartaee/mail-api#699, #861): a scan of every jar on the
     * class path, several per message, which took about a sixth of all CPU in the digest bench. Its
     * {@code FactoryFinder} takes the class named by the system property first, without the scan. Set only when
     * unset, and only when the implementation is visible from here (if it were not, naming it would break the
     * lookup instead of speeding it up).
     */
    static void nameTheStreamProvider() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, StreamProvider.class.getClassLoader());
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                Class.forName(ANGUS_STREAM_PROVIDER, false, context);
            }
            System.setProperty(property, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException | LinkageError e) {
            log.info("Jakarta Mail stream provider left to the service loader: {}", e.toString());
        }
    }

    /** The worst time one message can take on one connection: connect, greeting, EHLO, MAIL, RCPT, DATA, dot. */
    public Duration worstCaseSend() {
        Properties props = session.getProperties();
        long connect = millis(props, "mail.smtp.connectiontimeout");
        long read = millis(props, "mail.smtp.timeout");
        long write = millis(props, "mail.smtp.writetimeout");
        if (connect <= 0 || read <= 0 || write <= 0) {
            throw new IllegalStateException("spring.mail.properties must set mail.smtp.connectiontimeout, "
                    + "mail.smtp.timeout and mail.smtp.writetimeout (without them a hung server holds a send forever)");
        }
        return Duration.ofMillis(connect + 6 * read + write);
    }

    private static long millis(Properties props, String name) {
        String value = props.getProperty(name);
        return value == null || value.isBlank() ? -1 : Long.parseLong(value.trim());
    }

    /** An open connection: a kept one that is not too old, or a new one. */
    Connection borrow() throws MessagingException {
        long now = System.nanoTime();
        while (true) {
            Connection kept;
            synchronized (this) {
                kept = idle.pollFirst();
            }
            if (kept == null) {
                break;
            }
            if (now - kept.lastUsed < idleTimeout.toNanos()) {
                return kept;
            }
            kept.close();
        }
        FencedSmtpTransport transport = new FencedSmtpTransport(session, new URLName("smtp", settings.getHost(),
                settings.getPort(), null, settings.getUsername(), settings.getPassword()));
        transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        return new Connection(transport, false);
    }

    /** Back for reuse, or closed when anything went wrong on it. */
    void giveBack(Connection connection, boolean healthy) {
        if (healthy) {
            connection.lastUsed = System.nanoTime();
            connection.reused = true;
            synchronized (this) {
                if (!closed) {
                    idle.addFirst(connection);
                    return;
                }
            }
        }
        connection.close();
    }

    @Override
    public void destroy() {
        synchronized (this) {
            closed = true;
        }
        Connection connection;
        while ((connection = pollIdle()) != null) {
            connection.close();
        }
    }

    private synchronized Connection pollIdle() {
        return idle.pollFirst();
    }

    /** One SMTP connection; {@code reused} once it has sent something and been given back. */
    static final class Connection {
        final FencedSmtpTransport transport;
        boolean reused;
        long lastUsed;

        Connection(FencedSmtpTransport transport, boolean reused) {
            this.transport = transport;
            this.reused = reused;
        }

        void close() {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("closing an SMTP connection failed: {}", e.toString());
            }
        }
    }

    private static final class NoDelaySocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket socket = new Socket(host, port, localHost, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket socket = new Socket(address, port, localAddress, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
