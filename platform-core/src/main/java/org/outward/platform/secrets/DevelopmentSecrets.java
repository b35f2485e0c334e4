package org.outward.platform.secrets;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The secrets a process declares in {@code outward.development-secrets} (property, environment variable, and the
 * development value its {@code application.yml} falls back on), and which of them it must not start with. Outside
 * the local stack ({@code outward.local-stack}, env {@code OUTWARD_LOCAL_STACK}, which only the local stack's
 * launcher and the tests set to true) a development value is refused; a blank secret is refused everywhere.
 */
public final class DevelopmentSecrets {

    /** One declared secret. */
    public record Secret(String property, String env, String value) {
    }

    private DevelopmentSecrets() {
    }

    /** What is wrong with the declared secrets, one phrase each; empty when the process may start. */
    public static List<String> refused(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean localStack = binder.bind("outward.local-stack", Boolean.class).orElse(false);
        List<Secret> secrets = binder.bind("outward.development-secrets", Bindable.listOf(Secret.class))
                .orElse(List.of());
        List<String> refused = new ArrayList<>();
        for (Secret secret : secrets) {
            String value = environment.getProperty(secret.property());
            String name = secret.env() + " (" + secret.property() + ")";
            if (value == null || value.isBlank()) {
                refused.add(name + " is not set");
            } else if (!localStack && value.equals(secret.value())) {
                refused.add(name + " has its development value");
            }
        }
        return refused;
    }
}
