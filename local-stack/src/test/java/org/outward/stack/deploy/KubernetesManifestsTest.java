package org.outward.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest of deploy/k8s loads into the Kubernetes API model classes (fabric8), has what the API server
 * requires, and says what docs/operations.md promises: probes on Boot's health groups, requests and limits,
 * an autoscaler, a disruption budget and a Service per Deployment, Secrets only by reference, services reachable
 * only from the gateway, Kafka and MongoDB only from the services, 3 Kafka brokers with replication factor 3 and
 * min.insync.replicas 2, a MongoDB replica set of 3 written with majority. Without kustomize here, the
 * kustomizations are checked by hand: every file they name exists, every patch targets a base resource.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize()
            .resolve("deploy/k8s");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<String> DEPLOYMENTS = List.of("gateway", "catalog-service", "notes-service",
            "notification-service");
    private static final Map<String, Integer> SERVICE_PORTS = Map.of("catalog-service", 8081, "notes-service", 8082,
            "notification-service", 8083);

    @Test
    void everyManifestLoadsIntoTheApiModelWithItsRequiredFields() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(K8S)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString()
                    .equals("kustomization.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            for (HasMetadata resource : load(file)) {
                String what = file + ": " + resource.getKind() + " " + resource.getMetadata().getName();
                assertThat(resource.getApiVersion()).as(what).isNotBlank();
                assertThat(resource.getKind()).as(what).isNotBlank();
                assertThat(resource.getMetadata().getName()).as(what).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
                if (resource.getApiVersion().equals("v1") || resource.getApiVersion().contains("k8s.io")
                        || resource.getApiVersion().startsWith("apps/") || resource.getApiVersion().startsWith("policy/")
                        || resource.getApiVersion().startsWith("autoscaling/")) {
                    assertThat(resource).as(what + " is a known Kubernetes type")
                            .isNotInstanceOf(GenericKubernetesResource.class);
                }
            }
        }
    }

    @Test
    void everyDeploymentIsProbedLimitedScaledAndBudgeted() throws IOException {
        List<HasMetadata> base = base();
        List<String> configMaps = ofKind(base, ConfigMap.class).stream().map(c -> c.getMetadata().getName()).toList();
        Map<String, List<String>> secretKeys = new java.util.HashMap<>();
        for (Secret secret : ofKind(load(K8S.resolve("secrets.example.yaml")), Secret.class)) {
            secretKeys.put(secret.getMetadata().getName(), List.copyOf(secret.getStringData().keySet()));
        }
        List<Deployment> deployments = ofKind(base, Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as(name).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "9090")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).as(name).isEqualTo("outward/" + name + ":latest");
            List<String> ports = container.getPorts().stream().map(ContainerPort::getName).toList();
            assertThat(ports).contains("http", "management");
            assertThat(env(container, "MANAGEMENT_SERVER_PORT")).isEqualTo("9090");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness", name);
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness", name);
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            // Configuration by ConfigMap, secrets only by reference to a Secret (never a literal value).
            container.getEnvFrom().forEach(from -> assertThat(configMaps).contains(from.getConfigMapRef().getName()));
            for (EnvVar var : container.getEnv()) {
                if (var.getValueFrom() != null) {
                    String secret = var.getValueFrom().getSecretKeyRef().getName();
                    assertThat(secretKeys).as(var.getName()).containsKey(secret);
                    assertThat(secretKeys.get(secret)).contains(var.getValueFrom().getSecretKeyRef().getKey());
                } else {
                    assertThat(var.getName()).as(name).doesNotContain("PASSWORD", "SECRET", "URI");
                }
            }

            HorizontalPodAutoscaler hpa = named(ofKind(base, HorizontalPodAutoscaler.class), name);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            PodDisruptionBudget pdb = named(ofKind(base, PodDisruptionBudget.class), name);
            assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            Service service = named(ofKind(base, Service.class), name);
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        }
        // Secrets themselves are never part of what gets applied.
        assertThat(base).noneMatch(r -> r instanceof Secret);
    }

    @Test
    void servicesAreReachableOnlyFromTheGatewayAndKafkaAndMongoOnlyFromTheServices() throws IOException {
        List<NetworkPolicy> policies = ofKind(base(), NetworkPolicy.class);
        assertThat(named(policies, "default-deny-ingress").getSpec().getIngress()).isNullOrEmpty();
        for (String service : SERVICE_PORTS.keySet()) {
            Map<String, String> labels = named(ofKind(base(), Deployment.class), service).getSpec().getTemplate()
                    .getMetadata().getLabels();
            List<NetworkPolicyIngressRule> rules = policies.stream()
                    .filter(p -> labels.entrySet().containsAll(p.getSpec().getPodSelector().getMatchLabels() == null
                            ? List.of() : p.getSpec().getPodSelector().getMatchLabels().entrySet()))
                    .flatMap(p -> p.getSpec().getIngress() == null ? Stream.empty() : p.getSpec().getIngress().stream())
                    .toList();
            assertThat(rules).as(service).isNotEmpty();
            for (NetworkPolicyIngressRule rule : rules) {
                List<Integer> ports = rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList();
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    boolean fromGateway = peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && Objects.equals(peer.getPodSelector().getMatchLabels(),
                                    Map.of("app.kubernetes.io/name", "gateway"));
                    boolean fromMonitoring = peer.getNamespaceSelector() != null
                            && Objects.equals(peer.getNamespaceSelector().getMatchLabels(),
                                    Map.of("kubernetes.io/metadata.name", "monitoring"));
                    assertThat(fromGateway || fromMonitoring).as(service + " reachable from " + peer).isTrue();
                    if (fromMonitoring) {
                        assertThat(ports).as("monitoring sees only the management port").containsOnly(9090);
                    } else {
                        assertThat(ports).contains(SERVICE_PORTS.get(service)).doesNotContain(9090);
                    }
                }
            }
        }

        List<NetworkPolicy> infrastructure = ofKind(load(K8S.resolve("infrastructure/network-policies.yaml")),
                NetworkPolicy.class);
        for (String engine : List.of("kafka-from-services", "mongodb-from-services")) {
            NetworkPolicy policy = named(infrastructure, engine);
            List<NetworkPolicyPeer> clients = policy.getSpec().getIngress().get(0).getFrom();
            assertThat(clients.get(0).getPodSelector().getMatchLabels())
                    .containsExactly(Map.entry("outward.org/tier", "service"));
            for (NetworkPolicyPeer client : clients) {
                assertThat(client.getNamespaceSelector().getMatchLabels())
                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "outward"));
                // Besides the services only the gateway, and only to Kafka (its roster reader).
                if (!client.getPodSelector().getMatchLabels().equals(Map.of("outward.org/tier", "service"))) {
                    assertThat(engine).isEqualTo("kafka-from-services");
                    assertThat(client.getPodSelector().getMatchLabels())
                            .containsExactly(Map.entry("app.kubernetes.io/name", "gateway"));
                }
            }
            // Every other rule admits only the engine's own pods or its operator, from its own namespace.
            policy.getSpec().getIngress().stream().skip(1).flatMap(r -> r.getFrom().stream())
                    .forEach(peer -> assertThat(peer.getNamespaceSelector()).as(engine).isNull());
        }
    }

    @Test
    void kafkaHasThreeBrokersReplicationThreeAndMinInsyncTwoAndMongoIsAMajorityReplicaSetOfThree()
            throws IOException {
        List<HasMetadata> kafka = load(K8S.resolve("infrastructure/kafka.yaml"));
        GenericKubernetesResource pool = (GenericKubernetesResource) kafka.stream()
                .filter(r -> r.getKind().equals("KafkaNodePool")).findFirst().orElseThrow();
        assertThat(((Number) spec(pool).get("replicas")).intValue()).isEqualTo(3);
        assertThat(strings(spec(pool).get("roles"))).contains("broker", "controller");
        GenericKubernetesResource cluster = (GenericKubernetesResource) kafka.stream()
                .filter(r -> r.getKind().equals("Kafka")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) spec(cluster).get("kafka")).get("config");
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster.getMetadata().getName());
        ConfigMap outward = named(ofKind(base(), ConfigMap.class), "outward-config");
        assertThat(outward.getData()).containsEntry("OUTWARD_KAFKA_REPLICATION_FACTOR", "3");
        assertThat(outward.getData().get("KAFKA_BOOTSTRAP_SERVERS")).startsWith(cluster.getMetadata().getName());

        GenericKubernetesResource mongo = (GenericKubernetesResource) load(K8S.resolve("infrastructure/mongodb.yaml"))
                .get(0);
        assertThat(spec(mongo)).containsEntry("members", 3).containsEntry("type", "ReplicaSet");
        Secret uri = named(ofKind(load(K8S.resolve("secrets.example.yaml")), Secret.class), "outward-mongodb");
        assertThat(uri.getStringData().get("uri")).contains("replicaSet=" + mongo.getMetadata().getName(),
                "w=majority");
    }

    @Test
    void kustomizationsNameExistingFilesAndPatchBaseResources() throws IOException {
        List<HasMetadata> base = base();
        for (String dir : List.of("base", "infrastructure", "overlays/small", "overlays/production")) {
            Map<String, Object> kustomization = yaml(K8S.resolve(dir).resolve("kustomization.yaml"));
            for (String resource : strings(kustomization.get("resources"))) {
                assertThat(K8S.resolve(dir).resolve(resource)).as(dir + " resource").exists();
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> patches = (List<Map<String, Object>>) kustomization.getOrDefault("patches",
                    List.of());
            for (Map<String, Object> patch : patches) {
                Path file = K8S.resolve(dir).resolve((String) patch.get("path"));
                for (HasMetadata target : load(file)) {
                    assertThat(base).as(file + " patches " + target.getKind() + " " + target.getMetadata().getName())
                            .anyMatch(r -> r.getKind().equals(target.getKind())
                                    && r.getMetadata().getName().equals(target.getMetadata().getName()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<HasMetadata> base() throws IOException {
        List<HasMetadata> all = new ArrayList<>();
        for (String resource : strings(yaml(K8S.resolve("base/kustomization.yaml")).get("resources"))) {
            all.addAll(load(K8S.resolve("base").resolve(resource)));
        }
        return all;
    }

    /** Each YAML document of the file, as the API model class of its apiVersion and kind. */
    static List<HasMetadata> load(Path file) throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("#"))) {
                resources.add(SERIALIZATION.unmarshal(document));
            }
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return SERIALIZATION.unmarshal(Files.readString(file), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return list == null ? List.of() : (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(List<T> resources, String name) {
        return resources.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource named " + name));
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElse(null);
    }

    private static void assertProbe(Probe probe, String path, String deployment) {
        assertThat(probe).as(deployment + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }
}
