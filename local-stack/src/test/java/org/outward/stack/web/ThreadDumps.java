package org.outward.stack.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.outward.stack.SystemStack;

/** When a browser test fails: a thread dump of every JVM of the stack, in target/thread-dumps, to see a stuck one. */
public final class ThreadDumps implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            Path folder = Path.of("target", "thread-dumps");
            Files.createDirectories(folder);
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            java.util.List<Long> pids = new java.util.ArrayList<>(SystemStack.stack().childPids());
            // This JVM too: it runs the MongoDB wire server and the mail catcher of the stack.
            pids.add(ProcessHandle.current().pid());
            for (long pid : pids) {
                Path out = folder.resolve(context.getRequiredTestMethod().getName() + "-" + pid + ".txt");
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                dump.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (Exception | Error e) {
            System.out.println("no thread dumps: " + e);
        }
    }
}
