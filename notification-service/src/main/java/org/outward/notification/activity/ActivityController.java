package org.outward.notification.activity;

import org.outward.notification.web.PageResponse;
import org.outward.notification.web.Paging;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events seen, filterable by type and subject (for example {@code ?type=NoteUploaded&subject=<noteId>}). */
@RestController
class ActivityController {

    private final ActivityLog activity;

    ActivityController(ActivityLog activity) {
        this.activity = activity;
    }

    @GetMapping("/api/notifications/activity")
    PageResponse<ActivityEntry> activity(@StaffOnly Caller caller, @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return activity.find(type, subject, Paging.of(page, size));
    }
}
