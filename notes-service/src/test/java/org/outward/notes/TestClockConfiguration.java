package org.outward.notes;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the platform's system clock (it backs off for a Clock bean of ours) with the tests' clock. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    Clock clock() {
        return NotesIntegrationTest.CLOCK;
    }
}
