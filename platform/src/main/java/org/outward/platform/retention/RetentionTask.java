package org.outward.platform.retention;

import java.time.Instant;

/** A retention that is not "delete when old" (say, dropping the bodies of old emails): run by the sweeper. */
public interface RetentionTask {

    String name();

    /** @return how many documents it changed or removed */
    long run(Instant now);
}
