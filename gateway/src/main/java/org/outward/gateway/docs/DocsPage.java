package org.outward.gateway.docs;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /api/docs}: one page (Swagger UI, springdoc) over the OpenAPI specs of all services, which the
 * gateway routes at /api/docs/catalog, /api/docs/notes and /api/docs/notifications (application.yml).
 * springdoc serves the UI below /api/docs/swagger-ui/; this only gives it the short address.
 */
@Configuration(proxyBeanMethods = false)
public class DocsPage {

    @Bean
    RouterFunction<ServerResponse> docsRedirect() {
        return RouterFunctions.route()
                .GET("/api/docs", request -> ServerResponse.temporaryRedirect(URI.create("/api/docs/ui")).build())
                .build();
    }
}
