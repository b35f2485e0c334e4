package org.outward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/**
 * The mail stream provider is named, so Jakarta Mail finds it without scanning the class path on every body part;
 * one named already (by whoever runs the JVM) is left alone.
 */
class StreamProviderTest {

    private static final String PROPERTY = StreamProvider.class.getName();

    @Test
    void theProviderIsNamedSoJakartaMailSkipsTheServiceLoader() {
        String before = System.getProperty(PROPERTY);
        try {
            System.clearProperty(PROPERTY);
            SmtpConnections.nameTheStreamProvider();
            assertThat(System.getProperty(PROPERTY)).isEqualTo(SmtpConnections.ANGUS_STREAM_PROVIDER);
            assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(SmtpConnections.ANGUS_STREAM_PROVIDER);
        } finally {
            restore(before);
        }
    }

    @Test
    void aProviderNamedAlreadyIsKept() {
        String before = System.getProperty(PROPERTY);
        try {
            System.setProperty(PROPERTY, "com.example.TheirStreamProvider");
            SmtpConnections.nameTheStreamProvider();
            assertThat(System.getProperty(PROPERTY)).isEqualTo("com.example.TheirStreamProvider");
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, value);
        }
    }
}
