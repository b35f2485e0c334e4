package org.outward.platform.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import org.outward.platform.security.Caller;
import org.outward.platform.security.JwtSettings;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every service's OpenAPI document tells the truth about what a client sends and gets:
 * <ul>
 * <li>the {@link Caller} a controller takes is built from the token, never sent by the client, so it is not a
 * parameter;</li>
 * <li>each operation names its own security requirement: the bearer token, or none on the public paths
 * ({@code outward.security.public-paths}), the same list the security filter chain opens;</li>
 * <li>a 201 answer documents its {@code Location} header (creates say {@code @ResponseStatus(CREATED)}).</li>
 * </ul>
 * Each service's {@code ApiDocsTest} holds its document to these rules over all operations.
 */
@AutoConfiguration
@EnableConfigurationProperties(JwtSettings.class)
public class ApiDocsConfiguration {

    public static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI outwardOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Outward " + service).version("v1")
                        .description("Errors are RFC 9457 application/problem+json with a requestId. Refusals: "
                                + "404 for data the caller may not read (the same answer as for an unknown id), "
                                + "403 for what the caller may read but not do."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer outwardOperationRules(JwtSettings settings) {
        List<PathPattern> open = new ArrayList<>();
        settings.publicPaths().forEach(path -> open.add(PathPatternParser.defaultInstance.parse(path)));
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                boolean isPublic = open.stream().anyMatch(pattern -> pattern.matches(PathContainer.parsePath(path)));
                for (Operation operation : item.readOperations()) {
                    // An empty list says "no token needed"; no global requirement exists to fall back on.
                    operation.setSecurity(isPublic ? new ArrayList<>()
                            : new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER))));
                    ApiResponse created = operation.getResponses() == null ? null
                            : operation.getResponses().get("201");
                    if (created != null && (created.getHeaders() == null
                            || !created.getHeaders().containsKey("Location"))) {
                        created.addHeaderObject("Location", new Header().required(true)
                                .description("Path of the created resource").schema(new StringSchema()));
                    }
                }
            });
        };
    }
}
