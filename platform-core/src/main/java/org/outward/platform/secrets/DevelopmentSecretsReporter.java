package org.outward.platform.secrets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;

/**
 * Reports a refused start as one ERROR line (the operator's instructions), before Boot's failure analysis would
 * print its banner and the stack trace. Once reported, Boot does not print the exception again.
 */
public final class DevelopmentSecretsReporter implements SpringBootExceptionReporter, Ordered {

    private static final Log log = LogFactory.getLog(DevelopmentSecretsGuard.class);

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DevelopmentSecretsException refused) {
                log.error(refused.getMessage());
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
