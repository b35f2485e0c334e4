package org.outward.notification.calendar;

import java.time.Duration;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.springframework.stereotype.Component;

/** Looks for due session reminders every {@code outward.reminders.interval}; running twice sends nothing twice. */
@Component
class ReminderScheduler extends BackgroundLoop {

    private final Reminders reminders;
    private final ReminderProperties properties;

    ReminderScheduler(Reminders reminders, ReminderProperties properties) {
        super("session-reminders", 1);
        this.reminders = reminders;
        this.properties = properties;
    }

    @Override
    protected boolean enabled() {
        return properties.schedulerEnabled();
    }

    @Override
    protected Duration runOnce() {
        reminders.runOnce();
        return properties.interval();
    }

    @Override
    protected Duration pauseAfterFailure() {
        return properties.interval();
    }
}
