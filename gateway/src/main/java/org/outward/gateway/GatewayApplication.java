package org.outward.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Single entry point of Outward: forwards {@code /api/<area>/**} unchanged to the owning service
 * (routes in application.yml), stamps every request with an X-Request-Id and renders its own
 * failures as problem+json. Reactive (Spring Cloud Gateway on WebFlux), hence no platform module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
