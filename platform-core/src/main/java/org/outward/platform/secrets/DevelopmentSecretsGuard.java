package org.outward.platform.secrets;

import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Stops a process that would run with a development secret outside the local stack, before any bean exists (no
 * connection is opened, nothing is listened on). Registered for every application in {@code spring.factories};
 * {@link DevelopmentSecretsReporter} reports the failure as one log line instead of a stack trace.
 */
public final class DevelopmentSecretsGuard
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<String> refused = DevelopmentSecrets.refused(context.getEnvironment());
        if (!refused.isEmpty()) {
            String application = context.getEnvironment().getProperty("spring.application.name", "the application");
            throw new DevelopmentSecretsException(application, refused);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
