package org.outward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void derivedFromTheIdempotencyKeySoTheSameEmailAlwaysHasTheSameId() {
        assertThat(SmtpMailer.messageId("3f2a-01:m-ana", "outward.local")).isEqualTo("<3f2a-01.m-ana@outward.local>");
        assertThat(SmtpMailer.messageId("3f2a-01:m-ana", "outward.local"))
                .isEqualTo(SmtpMailer.messageId("3f2a-01:m-ana", "outward.local"));
    }

    @Test
    void keysThatAreNotAValidDotAtomAreHashed() {
        String id = SmtpMailer.messageId("evt:<bad key>", "outward.local");
        assertThat(id).matches("<[0-9a-f]{64}@outward\\.local>");
        assertThat(SmtpMailer.messageId("evt::double", "outward.local")).matches("<[0-9a-f]{64}@outward\\.local>");
    }
}
