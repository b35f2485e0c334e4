package org.outward.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DevelopmentSecretsTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("outward.development-secrets[0].property", "outward.unsubscribe.secret");
        all.put("outward.development-secrets[0].env", "OUTWARD_UNSUBSCRIBE_SECRET");
        all.put("outward.development-secrets[0].value", "dev-value");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }

    @Test
    void aDevelopmentValueIsRefusedOutsideTheLocalStackOnly() {
        assertThat(DevelopmentSecrets.refused(environment(Map.of("outward.unsubscribe.secret", "dev-value"))))
                .containsExactly("OUTWARD_UNSUBSCRIBE_SECRET (outward.unsubscribe.secret) has its development value");
        assertThat(DevelopmentSecrets.refused(environment(Map.of("outward.unsubscribe.secret", "dev-value",
                "outward.local-stack", "false")))).hasSize(1);
        assertThat(DevelopmentSecrets.refused(environment(Map.of("outward.unsubscribe.secret", "dev-value",
                "outward.local-stack", "true")))).isEmpty();
        assertThat(DevelopmentSecrets.refused(environment(Map.of("outward.unsubscribe.secret", "a-real-one"))))
                .isEmpty();
    }

    @Test
    void aBlankSecretIsRefusedEverywhere() {
        assertThat(DevelopmentSecrets.refused(environment(Map.of("outward.local-stack", "true"))))
                .containsExactly("OUTWARD_UNSUBSCRIBE_SECRET (outward.unsubscribe.secret) is not set");
        assertThat(DevelopmentSecrets.refused(environment(Map.of("outward.unsubscribe.secret", " ",
                "outward.local-stack", "true")))).hasSize(1);
    }

    @Test
    void aProcessWithoutDeclaredSecretsIsNeverRefused() {
        assertThat(DevelopmentSecrets.refused(new StandardEnvironment())).isEmpty();
    }

    @Test
    void theGuardStopsTheContextWithOneSentenceAndTheReporterTakesIt() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment(Map.of("outward.unsubscribe.secret", "dev-value",
                "spring.application.name", "notification-service")));
        assertThatThrownBy(() -> new DevelopmentSecretsGuard().initialize(context))
                .isInstanceOf(DevelopmentSecretsException.class)
                .hasMessage("notification-service refuses to start: OUTWARD_UNSUBSCRIBE_SECRET "
                        + "(outward.unsubscribe.secret) has its development value. Set each to a secret of your own "
                        + "(development values are for the local stack only, where OUTWARD_LOCAL_STACK=true).")
                .satisfies(e -> assertThat(new DevelopmentSecretsReporter()
                        .reportException(new IllegalStateException("wrapped", e))).isTrue());
        assertThat(new DevelopmentSecretsReporter().reportException(new IllegalStateException("other"))).isFalse();
    }
}
