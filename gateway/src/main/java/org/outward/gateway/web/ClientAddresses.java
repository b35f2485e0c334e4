package org.outward.gateway.web;

import java.net.InetSocketAddress;
import org.outward.platform.proxy.ClientAddressResolver;
import org.outward.platform.proxy.ProxySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the client is: the TCP peer, or, when the peer is one of the proxies in front of the gateway
 * ({@code outward.proxy.trusted}, none by default: the gateway is the edge), the address those proxies forwarded.
 * The per-IP rate limit keys on it, and the services are told it: every routed request carries
 * {@code X-Forwarded-For} and {@code Forwarded} naming this one address, whatever the client sent in them
 * (Spring Cloud Gateway drops the incoming ones because no trusted-proxies pattern is set for it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxySettings.class)
public class ClientAddresses {

    private static final String ATTRIBUTE = ClientAddresses.class.getName() + ".address";

    private final ClientAddressResolver resolver;

    public ClientAddresses(ProxySettings settings) {
        this.resolver = ClientAddressResolver.of(settings);
    }

    /** The client's address, resolved once per exchange. */
    public String of(ServerWebExchange exchange) {
        return exchange.getAttributes().computeIfAbsent(ATTRIBUTE, key -> {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            String peer = remote == null ? null
                    : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
            HttpHeaders headers = exchange.getRequest().getHeaders();
            return resolver.resolve(peer, name -> headers.getOrEmpty(name));
        }).toString();
    }

    /** Runs after the gateway's own header filters (order 0), which remove the forwarded headers a client sent. */
    @Bean
    HttpHeadersFilter forwardedForClient() {
        return new ForwardedFor(this);
    }

    private record ForwardedFor(ClientAddresses addresses) implements HttpHeadersFilter, Ordered {
        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            String client = addresses.of(exchange);
            HttpHeaders updated = new HttpHeaders();
            updated.putAll(input);
            updated.remove("X-Forwarded-For");
            updated.remove("Forwarded");
            updated.set("X-Forwarded-For", client);
            updated.set("Forwarded", ClientAddressResolver.forwardedNode(client));
            return updated;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
