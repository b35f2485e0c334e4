package org.outward.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack for every system test class of a run: booting it (a Kafka process, the MongoDB wire server, the
 * mail catcher and five JVMs) takes about a minute on two cores, so the classes share it instead of each starting
 * their own. A class declares {@code @ExtendWith(SystemStack.class)} and reads {@link #stack()} in its
 * {@code @BeforeAll}; the stack stops when the whole run ends (JUnit closes the root store). Tests that share it
 * must not depend on what the others did: each makes its own cohort, library or webinar with unique names.
 */
public final class SystemStack implements BeforeAllCallback {

    private static LocalStack stack;
    private static TraceReceiver traces;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SystemStack.class) {
            if (stack == null) {
                Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
                // Every service exports its spans to an in-process collector, for the trace tests.
                TraceReceiver receiver = new TraceReceiver();
                LocalStack started = new LocalStack(StackConfig.forTests(root,
                        Files.createTempDirectory("outward-system-test")))
                        .withServiceEnvironment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                                receiver.endpoint())
                        .withServiceEnvironment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
                try {
                    started.start();
                } catch (Exception | Error e) {
                    started.close();
                    receiver.close();
                    throw e;
                }
                traces = receiver;
                stack = started;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(SystemStack.class.getName(), (AutoCloseable) SystemStack::stop);
            }
        }
    }

    /** The running stack; only valid inside a class extended with this. */
    public static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the system stack is not running: add @ExtendWith(SystemStack.class)");
        }
        return stack;
    }

    /** The spans the services exported while the stack ran. */
    static TraceReceiver traces() {
        stack();
        return traces;
    }

    private static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (traces != null) {
            traces.close();
            traces = null;
        }
    }
}
