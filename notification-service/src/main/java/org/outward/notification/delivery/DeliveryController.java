package org.outward.notification.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.outward.notification.web.PageResponse;
import org.outward.notification.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log: what was (or will be) sent to whom, and how it went. */
@RestController
@Tag(name = "Deliveries")
class DeliveryController {

    private final DeliveryLog deliveries;

    DeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/api/notifications/deliveries")
    @Operation(summary = "Delivery log (staff): filter by status, recipient (member id or address) and kind")
    PageResponse<Delivery> deliveries(@StaffOnly Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return deliveries.find(parseStatus(status), recipient, kind, Paging.of(page, size));
    }

    private static EmailStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return EmailStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status", "must be one of " + Arrays.stream(EmailStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
