package org.outward.notification.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param schedulerEnabled whether this instance looks for due reminders by itself
 * @param interval         how often; a reminder goes out at most this late
 */
@ConfigurationProperties("outward.reminders")
public record ReminderProperties(Boolean schedulerEnabled, Duration interval) {

    public ReminderProperties {
        schedulerEnabled = schedulerEnabled == null || schedulerEnabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
    }
}
