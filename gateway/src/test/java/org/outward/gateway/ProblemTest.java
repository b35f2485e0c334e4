package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.outward.gateway.errors.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

/** The exception-to-problem mapping for the failures that are hard to provoke over real HTTP. */
class ProblemTest {

    @Test
    void unreachableServicesAre503() {
        assertThat(Problem.of(new ConnectException("Connection refused")).status().value()).isEqualTo(503);
        assertThat(Problem.of(new ConnectTimeoutException("connection timed out")).status().value()).isEqualTo(503);
        assertThat(Problem.of(new RuntimeException(new UnknownHostException("catalog-service"))).status().value())
                .isEqualTo(503);
    }

    @Test
    void timeoutsAre504() {
        Problem wrapped = Problem.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer",
                new TimeoutException()));
        assertThat(wrapped.status().value()).isEqualTo(504);
        assertThat(wrapped.detail()).doesNotContain("Response took longer");
        assertThat(Problem.of(new TimeoutException()).status().value()).isEqualTo(504);
    }

    @Test
    void brokenConnectionsAre502AndBugsAre500() {
        assertThat(Problem.of(new IOException("Connection prematurely closed")).status().value()).isEqualTo(502);
        Problem bug = Problem.of(new IllegalStateException("secret internals"));
        assertThat(bug.status().value()).isEqualTo(500);
        assertThat(bug.detail()).doesNotContain("secret");
        assertThat(bug.downstream()).isFalse();
    }

    @Test
    void frameworkClientErrorsKeepTheirStatusAndDetail() {
        Problem problem = Problem.of(new MethodNotAllowedException("TRACE", java.util.List.of(
                org.springframework.http.HttpMethod.GET)));
        assertThat(problem.status().value()).isEqualTo(405);
        assertThat(problem.title()).isEqualTo("Method Not Allowed");
        assertThat(problem.detail()).contains("GET");
        assertThat(Problem.of(new ResponseStatusException(HttpStatus.NOT_FOUND)).title()).isEqualTo("Not found");
    }
}
