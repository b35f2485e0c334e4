package org.outward.catalog.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.catalog.webinar.CreateWebinarRequest;
import org.outward.catalog.webinar.ResourceKind;
import org.outward.catalog.webinar.WebinarService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seeds 1,000 published webinars and measures, over real HTTP on this machine, the list endpoint
 * (a page of 20) and the search endpoint: requests/s and p50/p99. Direct on the service only (the
 * gateway side is bench/gateway-vs-direct.sh). MongoDB here is the in-memory wire server, so the
 * figures compare endpoints with each other, not with production. Not part of mvn verify:
 * <pre>mvn -o -pl catalog-service test -Dgroups=bench -DexcludedGroups=none -Dtest=CatalogBenchTest \
 *   -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Tunables: -Dbench.requests=2000 -Dbench.threads=8. Results also go to target/bench-catalog.txt.
 */
@Tag("bench")
class CatalogBenchTest extends CatalogIntegrationTest {

    private static final int WEBINARS = 1000;

    @Autowired
    WebinarService webinars;

    @Test
    void listAndSearch() throws Exception {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "webinars");
        String[] topics = {"community-conversations", "facilitation", "public-knowledge", "partnerships", "momentum"};
        for (int i = 1; i <= WEBINARS; i++) {
            String id = webinars.create(new CreateWebinarRequest("Bench webinar " + i + " on community conversations",
                    "bench-webinar-" + i, "Benchmark data " + i + ": public knowledge, partnerships and momentum.",
                    List.of(topics[i % topics.length], "demo"), (i % 99) + 1, 60, List.of(),
                    List.of(new CreateWebinarRequest.Resource(null, "Worksheet " + i, ResourceKind.WORKSHEET,
                            "https://example.org/w" + i + ".pdf")), List.of())).id();
            webinars.publish(id, null);
        }
        int requests = Integer.getInteger("bench.requests", 2000);
        int threads = Integer.getInteger("bench.threads", 8);
        String list = "/api/catalog/webinars?page=3&size=20";
        String search = "/api/catalog/webinars?q=community+conversations&size=20";
        String topic = "/api/catalog/webinars?topic=partnerships&size=20";
        measure(list, requests / 4, threads); // warm-up
        measure(search, requests / 4, threads);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-8s %10s %9s %9s  (%d requests, %d threads, %d webinars)",
                "endpoint", "req/s", "p50 ms", "p99 ms", requests, threads, WEBINARS));
        for (String[] endpoint : new String[][] {{"list", list}, {"search", search}, {"topic", topic}}) {
            Result result = measure(endpoint[1], requests, threads);
            lines.add(String.format(Locale.ROOT, "%-8s %10.1f %9.2f %9.2f", endpoint[0], result.rps(),
                    result.p50(), result.p99()));
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "bench-catalog.txt"), lines);
    }

    record Result(double rps, double p50, double p99) {
    }

    private Result measure(String path, int requests, int threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(threads)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", STAFF).header("Accept", "application/json").GET().build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = requests / threads + (t < requests % threads ? 1 : 0);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    long begin = System.nanoTime();
                    HttpResponse<String> response = send(http, request);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - begin);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
