package org.outward.stack.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made durable: after every command that changed the store, and before its reply
 * goes out, the MVStore is committed (written to its file). An acknowledged write is then in the operating system's
 * page cache, so it survives a {@code kill -9} of this process (not a power cut: nothing is fsync'ed). H2's own
 * background commit (about once a second) alone loses the last second of acknowledged writes on a kill.
 *
 * <p>Concurrent commands share commits (group commit): a commit writes every change made before it started, so a
 * command waits for the first commit that starts after its change, and one commit serves every command that
 * finished its change meanwhile.
 */
public final class CommittingH2Backend extends H2Backend {

    private final MVStore store;
    private final boolean commitEveryWrite;
    private final Object commits = new Object();
    private long started;
    private long finished;
    private boolean committing;

    /** @param commitEveryWrite false keeps H2's once-a-second background commit only (for measuring the cost) */
    public CommittingH2Backend(MVStore store, boolean commitEveryWrite) {
        super(store);
        this.store = store;
        this.commitEveryWrite = commitEveryWrite;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // Also after a command that failed half-way (an unordered bulk insert with a duplicate key writes the
            // other documents): what it did write is acknowledged in its reply.
            if (commitEveryWrite && !store.isClosed() && store.hasUnsavedChanges()) {
                awaitCommitted();
            }
        }
    }

    /** Returns once a commit that started after this call has finished (made by this thread or another). */
    private void awaitCommitted() {
        long mine;
        synchronized (commits) {
            long needed = started + 1;
            while (committing) {
                waitForCommits();
                if (finished >= needed) {
                    return;
                }
            }
            committing = true;
            mine = ++started;
        }
        // Outside the monitor: commands finishing meanwhile queue up for the next commit, which serves them all.
        try {
            commit();
        } finally {
            synchronized (commits) {
                committing = false;
                finished = mine;
                commits.notifyAll();
            }
        }
    }

    private void waitForCommits() {
        try {
            commits.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        }
    }

    public boolean commitsEveryWrite() {
        return commitEveryWrite;
    }
}
