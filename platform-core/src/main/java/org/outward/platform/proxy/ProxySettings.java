package org.outward.platform.proxy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which proxies in front of this process may tell it the client's address ({@code outward.proxy.*}).
 *
 * @param trusted addresses and CIDR ranges of the trusted proxies (env {@code OUTWARD_TRUSTED_PROXIES},
 *                comma-separated); none by default: the TCP peer is the client
 * @param header  the header those proxies set: {@code X-Forwarded-For} (default) or {@code Forwarded}
 *                (env {@code OUTWARD_CLIENT_ADDRESS_HEADER})
 */
@ConfigurationProperties("outward.proxy")
public record ProxySettings(List<String> trusted, String header) {

    public ProxySettings {
        trusted = trusted == null ? List.of() : List.copyOf(trusted);
        header = header == null || header.isBlank() ? ClientAddressResolver.Header.X_FORWARDED_FOR.headerName()
                : header.strip();
    }
}
