package org.outward.notification.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param baseUrl where the web client is, for links in emails (WEB_BASE_URL) */
@ConfigurationProperties("outward.web")
public record WebProperties(String baseUrl) {

    public WebProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }
}
