package org.outward.platform.secrets;

import java.util.List;

/** A process refuses to start with a development (or blank) secret; its message is the one line the operator reads. */
public final class DevelopmentSecretsException extends IllegalStateException {

    DevelopmentSecretsException(String application, List<String> refused) {
        super(application + " refuses to start: " + String.join("; ", refused) + ". Set each to a secret of your own"
                + " (development values are for the local stack only, where OUTWARD_LOCAL_STACK=true).");
    }
}
