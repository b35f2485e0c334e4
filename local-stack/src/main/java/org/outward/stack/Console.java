package org.outward.stack;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The launcher's own output: short, timestamped lines for a person watching the terminal. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static void say(String format, Object... args) {
        System.out.println("[stack " + LocalTime.now().format(TIME) + "] " + String.format(format, args));
        System.out.flush();
    }
}
