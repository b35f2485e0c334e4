package org.outward.notes.theme;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param limit       how many top themes a scope has
 * @param maxEvidence supporting sentences kept per theme
 */
@ConfigurationProperties("outward.themes")
public record ThemeSettings(Integer limit, Integer maxEvidence) {

    public ThemeSettings {
        limit = limit == null ? 10 : limit;
        maxEvidence = maxEvidence == null ? 20 : maxEvidence;
    }
}
