package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its security rules are checked by reading it:
 * every secret comes from an environment variable with no default ({@code ${VAR:?message}}: compose refuses to
 * start without it), no literal secret is written in it or in the Keycloak realm it imports, Keycloak runs in
 * production mode ({@code start}, never {@code start-dev}), and the README names every variable an operator must
 * set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerComposeTest {

    /** Names that hold a secret, in an environment key or in a variable compose reads. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|passwd|token|private_key|api_key).*");
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?message}}, ... */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    private final Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
    private Map<String, Object> compose;
    private String text;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void read() throws IOException {
        text = Files.readString(root.resolve("docker-compose.yml"));
        compose = new Yaml().load(text);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** A service's environment as name -> value, whichever form (map or list of NAME=value) it is written in. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    @Test
    void everySecretComesFromTheEnvironmentWithoutADefault() {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (!SECRET.matcher(key).matches()) {
                return;
            }
            Matcher m = value == null ? null : INTERPOLATION.matcher(value);
            if (m == null || !m.matches()) {
                problems.add(name + "." + key + " is not taken from the environment: " + value);
            } else if (!":?".equals(m.group(2))) {
                problems.add(name + "." + key + " must be ${" + m.group(1) + ":?message} (required, no default): "
                        + value);
            }
        }));
        // Anywhere in the file (commands, labels ...): a variable that holds a secret never has a default.
        Matcher all = INTERPOLATION.matcher(text);
        while (all.find()) {
            if (SECRET.matcher(all.group(1)).matches() && !":?".equals(all.group(2))) {
                problems.add("${" + all.group(1) + "} has a default or is optional: " + all.group());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(requiredVariables()).contains("OUTWARD_UNSUBSCRIBE_SECRET", "KEYCLOAK_ADMIN_PASSWORD",
                "KEYCLOAK_DB_PASSWORD", "OUTWARD_STAFF_INITIAL_PASSWORD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakRunsInProductionModeWithoutAKnownAdminPassword() {
        assertThat(text).doesNotContain("start-dev");
        Map<String, Object> keycloak = services().get("keycloak");
        List<String> command = (List<String>) keycloak.get("command");
        assertThat(command).first().isEqualTo("start");
        Map<String, String> env = environment(keycloak);
        assertThat(env.get("KC_BOOTSTRAP_ADMIN_PASSWORD")).startsWith("${KEYCLOAK_ADMIN_PASSWORD:?");
        assertThat(env.get("KC_DB")).as("a real database, not the dev file store").isEqualTo("postgres");
        assertThat(env).containsKey("KC_HOSTNAME");
        services().values().forEach(service -> {
            Object cmd = service.get("command");
            assertThat(String.valueOf(cmd)).doesNotContain("start-dev");
        });
    }

    @Test
    void theImportedRealmHoldsNoPassword() throws IOException {
        String realm = Files.readString(root.resolve("deploy/keycloak/outward-realm.json"));
        Matcher values = Pattern.compile("\"(?:value|secret|password)\"\\s*:\\s*\"([^\"]*)\"").matcher(realm);
        List<String> literals = new ArrayList<>();
        Set<String> placeholders = new LinkedHashSet<>();
        while (values.find()) {
            Matcher placeholder = INTERPOLATION.matcher(values.group(1));
            if (placeholder.matches() && placeholder.group(2) == null) {
                placeholders.add(placeholder.group(1));
            } else {
                literals.add(values.group());
            }
        }
        assertThat(literals).as("credentials written into the realm").isEmpty();
        // Each placeholder reaches Keycloak, required.
        Map<String, String> env = environment(services().get("keycloak"));
        for (String variable : placeholders) {
            assertThat(env.get(variable)).as(variable).startsWith("${" + variable + ":?");
        }
    }

    @Test
    void theReadmeNamesEveryVariableAnOperatorMustSet() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        assertThat(requiredVariables()).isNotEmpty().allSatisfy(variable -> assertThat(readme).contains(variable));
    }

    private Set<String> requiredVariables() {
        Set<String> required = new LinkedHashSet<>();
        Matcher all = INTERPOLATION.matcher(text);
        while (all.find()) {
            if (":?".equals(all.group(2))) {
                required.add(all.group(1));
            }
        }
        return required;
    }
}
