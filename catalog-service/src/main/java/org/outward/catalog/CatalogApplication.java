package org.outward.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The webinar catalog and the cohort roster. Every state change that others must hear about is
 * written together with its event (outbox inside the aggregate's document) and relayed to Kafka
 * by the platform's outbox relay.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }
}
