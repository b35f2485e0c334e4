package org.outward.notification.recipient;

import java.util.List;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The recipients read model, for operators and for tests that wait until the roster has arrived. */
@RestController
class RecipientController {

    private final RosterReadModel roster;

    RecipientController(RosterReadModel roster) {
        this.roster = roster;
    }

    @GetMapping("/api/notifications/recipients")
    List<Recipient> recipients(@StaffOnly Caller caller) {
        return roster.recipients();
    }
}
