package org.outward.notes.theme;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThemeSettings.class)
class ThemeConfiguration {

    @Bean
    ThemeEngine themeEngine(ThemeSettings settings) {
        return new ThemeEngine(settings.limit(), settings.maxEvidence());
    }
}
