package org.outward.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The rules every service's OpenAPI document keeps (docs/api.md), checked over all its operations so that a new
 * endpoint that breaks one fails the build:
 * <ul>
 * <li>no operation documents the token-built caller as a parameter;</li>
 * <li>a POST creates (201 with {@code Location}, no 200) unless the service names it as an action; an action does
 * not document 201;</li>
 * <li>a DELETE answers 204 without a body, and nothing else in 2xx;</li>
 * <li>every operation names its security: none on the public paths, the bearer token everywhere else (and no
 * document-wide requirement to inherit silently);</li>
 * <li>every operation documents a 2xx answer.</li>
 * </ul>
 */
public final class ApiDocsRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocsRules() {
    }

    /** One operation: {@code "POST /api/notes"}. */
    public static Set<String> operations(JsonNode doc) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /**
     * @param isPublic the paths that need no token (the service's {@code outward.security.public-paths})
     * @param actions  POST operations that do not create anything ({@code "POST /api/x/{id}/publish"})
     * @return what breaks the rules, one line each; empty when the document keeps them all
     */
    public static List<String> violations(JsonNode doc, Predicate<String> isPublic, Set<String> actions) {
        List<String> violations = new ArrayList<>();
        if (doc.has("security") && !doc.path("security").isEmpty()) {
            violations.add("document-wide security requirement: each operation must name its own");
        }
        Set<String> seen = operations(doc);
        for (String action : actions) {
            if (!seen.contains(action)) {
                violations.add(action + ": listed as an action but not documented");
            }
        }
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String method = entry.getKey().toUpperCase(java.util.Locale.ROOT);
                String name = method + " " + path.getKey();
                JsonNode operation = entry.getValue();
                JsonNode responses = operation.path("responses");
                for (JsonNode parameter : operation.path("parameters")) {
                    String parameterName = parameter.path("name").asString();
                    if (parameterName.equalsIgnoreCase("caller")
                            || parameter.path("schema").path("$ref").asString().endsWith("/Caller")) {
                        violations.add(name + ": documents the token's caller as a parameter '" + parameterName
                                + "' in " + parameter.path("in").asString());
                    }
                }
                List<String> success = new ArrayList<>();
                responses.propertyNames().forEach(code -> {
                    if (code.startsWith("2")) {
                        success.add(code);
                    }
                });
                if (success.isEmpty()) {
                    violations.add(name + ": documents no 2xx answer");
                }
                if (method.equals("POST")) {
                    boolean action = actions.contains(name);
                    if (action && success.contains("201")) {
                        violations.add(name + ": an action, yet documents 201 Created");
                    }
                    if (!action) {
                        if (!success.contains("201")) {
                            violations.add(name + ": a create must document 201 (got " + success + ")");
                        } else if (!responses.path("201").path("headers").has("Location")) {
                            violations.add(name + ": 201 without a Location header");
                        }
                        if (success.contains("200")) {
                            violations.add(name + ": a create must not document 200");
                        }
                    }
                }
                if (method.equals("DELETE")) {
                    if (!success.equals(List.of("204"))) {
                        violations.add(name + ": a delete must document 204 and no other 2xx (got " + success + ")");
                    } else if (responses.path("204").has("content")) {
                        violations.add(name + ": 204 must have no body");
                    }
                }
                JsonNode security = operation.get("security");
                if (isPublic.test(path.getKey())) {
                    if (security == null || !security.isArray() || !security.isEmpty()) {
                        violations.add(name + ": a public route must document no security requirement ([]), got "
                                + security);
                    }
                } else if (security == null || security.size() != 1 || !security.get(0).has("bearer")) {
                    violations.add(name + ": must require the bearer token, got " + security);
                }
            }
        }
        return violations;
    }
}
