package org.outward.platform.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff: this service's dead letters, and replaying them after a fix. Path: {@code outward.dead-letters.path}. */
@RestController
@RequestMapping("${outward.dead-letters.path:/api/dead-letters}")
@Tag(name = "Dead letters")
public class DeadLetterController {

    /** One page of dead letters, newest first. */
    public record Page(List<DeadLetter> items, int page, int size, long total) {
    }

    private final DeadLetters deadLetters;
    private final DeadLetterReplayer replayer;

    public DeadLetterController(DeadLetters deadLetters, DeadLetterReplayer replayer) {
        this.deadLetters = deadLetters;
        this.replayer = replayer;
    }

    @GetMapping
    @Operation(summary = "Records this service could not process (staff): status open (default), replayed or all; "
            + "optionally of one topic")
    public Page list(@StaffOnly Caller caller, @RequestParam(defaultValue = DeadLetter.OPEN) String status,
            @RequestParam(required = false) String topic, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (!List.of(DeadLetter.OPEN, DeadLetter.REPLAYED, "all").contains(status)) {
            throw new BadRequestException("status", "must be open, replayed or all");
        }
        if (page < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > 100) {
            throw new BadRequestException("size", "must be between 1 and 100");
        }
        return new Page(deadLetters.list(status, topic, page, size), page, size, deadLetters.count(status, topic));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Replay one dead letter to its consumer (staff); it goes through the normal dedupe")
    public DeadLetter replay(@StaffOnly Caller caller, @PathVariable String id) {
        return replayer.replay(id);
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay every open dead letter (optionally of one topic), oldest first, at most 1,000 per "
            + "call (staff)")
    public Map<String, Integer> replayAll(@StaffOnly Caller caller, @RequestParam(required = false) String topic) {
        return Map.of("replayed", replayer.replayOpen(topic));
    }
}
