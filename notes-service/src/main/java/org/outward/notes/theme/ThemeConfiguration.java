package org.outward.notes.theme;

import java.nio.file.Path;
import org.outward.notes.vector.SimilarityCache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThemeSettings.class)
class ThemeConfiguration {

    @Bean
    SentenceEmbedder sentenceEmbedder(ThemeSettings settings) {
        return MiniLmEmbedder.shared(Path.of(settings.model().nativeDir()), settings.model().threads());
    }

    @Bean
    ThemeEngine themeEngine(ThemeSettings settings, StoredThemeVectors vectors) {
        return new ThemeEngine(settings, vectors,
                new SimilarityCache(settings.memory().similaritiesMb() * 1024L * 1024L));
    }
}
