package org.outward.notes;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.outward.notes.attachment.TextExtractor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The real extractor, made to fail the next {@link #FAILURES} calls when a test asks for it. */
public class FlakyTextExtractor extends TextExtractor {

    public static final AtomicInteger FAILURES = new AtomicInteger();

    FlakyTextExtractor() {
        super(1_000_000, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    @Override
    public String extract(InputStream content, String contentType) {
        if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ExtractionFailedException(new IllegalStateException("simulated parser failure"));
        }
        return super.extract(content, contentType);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        FlakyTextExtractor flakyTextExtractor() {
            return new FlakyTextExtractor();
        }
    }
}
