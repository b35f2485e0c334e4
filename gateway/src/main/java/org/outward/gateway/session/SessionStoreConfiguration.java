package org.outward.gateway.session;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.mongodb.spring.session.config.annotation.web.reactive.EnableMongoWebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.session.UuidSessionIdGenerator;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * Browser sessions in the gateway's own MongoDB database (MONGODB_URI, database {@code outward-gateway}), through
 * Spring Session's MongoDB module, so every gateway instance knows every session; the WebSession manager uses
 * the {@link CachedSessionRepository} in front of it. Only browsers get a session: bearer-token calls never
 * touch this.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoWebSession
public class SessionStoreConfiguration {

    /** Spring Session's default name; the SPA never reads it (HttpOnly). */
    public static final String COOKIE = "SESSION";

    private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveMongoSessionRepository> sessionTimeout(SessionSettings settings) {
        return repository -> repository.setDefaultMaxInactiveInterval(settings.idleTimeout());
    }

    @Bean
    @Primary
    CachedSessionRepository cachedSessionRepository(ReactiveMongoSessionRepository store, SessionSettings settings,
            Clock clock) {
        return new CachedSessionRepository(store, settings, clock, UuidSessionIdGenerator.getInstance());
    }

    /**
     * The session cookie: HttpOnly, SameSite=Lax, path /, Secure when the request came over https (the resolver
     * decides per request from the scheme, so http://localhost works and a TLS deployment gets Secure cookies).
     * No Max-Age: it lives as long as the browser session, the server side ends it after the idle timeout.
     */
    @Bean
    WebSessionIdResolver webSessionIdResolver() {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(COOKIE);
        resolver.addCookieInitializer(cookie -> cookie.sameSite("Lax").httpOnly(true));
        return resolver;
    }

    /**
     * A session look-up on an unreachable database fails within seconds (a 503 for that request), instead of
     * holding the request for the driver's default 30 s.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer quickMongoFailure() {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS));
    }

    /**
     * MongoDB health by {@code ping} (the wire server of the local stack does not know Boot's {@code hello}).
     * Shown in /actuator/health but not part of readiness: without the database, bearer-token calls still work.
     */
    @Bean("mongoHealthIndicator")
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return () -> mongo.executeCommand(new Document("ping", 1))
                .map(result -> Health.up().withDetail("ok", result.get("ok")).build())
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }

    /**
     * The TTL index that lets MongoDB delete expired sessions (the library only creates it with a blocking
     * template, which this reactive gateway has not). In the background: the gateway starts without the database.
     */
    @EventListener(ApplicationReadyEvent.class)
    void createExpiryIndex(ApplicationReadyEvent event) {
        ReactiveMongoTemplate mongo = event.getApplicationContext().getBean(ReactiveMongoTemplate.class);
        mongo.indexOps(ReactiveMongoSessionRepository.DEFAULT_COLLECTION_NAME)
                .createIndex(new Index("expireAt", Sort.Direction.ASC).named("expireAt").expire(0))
                .subscribe(name -> log.debug("session expiry index {} in place", name),
                        e -> log.warn("session expiry index not created: {}", e.toString()));
    }
}
