package org.outward.catalog.webinar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.outward.catalog.support.PageView;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ForbiddenException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webinar catalog. Staff edit it; library members see published webinars only (anything else
 * is 404 to them, as if it did not exist). Reads carry {@code ETag: "<version>"}; PUT needs it back
 * in If-Match (428 without, 412 when stale); publish and archive honour an If-Match when sent.
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Webinars", description = "The webinar series and its resources")
public class WebinarController {

    static final int MAX_PAGE_SIZE = 100;

    private final WebinarService webinars;

    public WebinarController(WebinarService webinars) {
        this.webinars = webinars;
    }

    @PostMapping("/webinars")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft webinar (staff)")
    public ResponseEntity<WebinarView> create(@StaffOnly Caller caller, @Valid @RequestBody CreateWebinarRequest request) {
        WebinarView created = webinars.create(request);
        // Relative on purpose: the gateway forwards paths unchanged, so it is right on either side of it.
        return withETag(ResponseEntity.created(URI.create("/api/catalog/webinars/" + created.id())), created);
    }

    @PutMapping("/webinars/{id}")
    @Operation(summary = "Replace a webinar's content (staff; If-Match required)")
    public ResponseEntity<WebinarView> update(@StaffOnly Caller caller, @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CreateWebinarRequest request) {
        Long expected = ETags.requiredVersion(ifMatch);
        return withETag(ResponseEntity.ok(), webinars.update(id, request, expected));
    }

    @PostMapping("/webinars/{id}/publish")
    @Operation(summary = "Publish a draft or archived webinar (staff): WebinarPublished")
    public ResponseEntity<WebinarView> publish(@StaffOnly Caller caller, @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), webinars.publish(id, ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/webinars/{id}/archive")
    @Operation(summary = "Archive (withdraw) a webinar (staff): WebinarArchived")
    public ResponseEntity<WebinarView> archive(@StaffOnly Caller caller, @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), webinars.archive(id, ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/webinars/reorder")
    @Operation(summary = "Set the series order (staff): positions 1..n in the order of the ids")
    public List<WebinarView> reorder(@StaffOnly Caller caller, @Valid @RequestBody ReorderRequest request) {
        return webinars.reorder(request.ids());
    }

    @GetMapping("/webinars/{id}")
    @Operation(summary = "One webinar (members: published only)")
    public ResponseEntity<WebinarView> get(Caller caller, @PathVariable String id) {
        WebinarView webinar = webinars.find(id)
                .filter(found -> caller.isStaff() || found.status() == WebinarStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("Webinar", id));
        return withETag(ResponseEntity.ok(), webinar);
    }

    /**
     * status: published (default), draft, archived or all (staff only, except published); slug: exact;
     * topic: one of the controlled topics; q: free text over title, summary, topics and resource
     * titles (every word must match, by stem, with the analyser of note search); sort: relevance
     * (the default with q: word score, title matches first), position (the default without q:
     * series position, title) or date (most recently published first).
     */
    @GetMapping("/webinars")
    @Operation(summary = "List and search webinars")
    public PageView<WebinarView> list(
            Caller caller,
            @RequestParam(defaultValue = "published") String status,
            @RequestParam(required = false) String slug,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        WebinarStatus statusFilter = switch (status) {
            case "all" -> null;
            case "published" -> WebinarStatus.PUBLISHED;
            case "draft" -> WebinarStatus.DRAFT;
            case "archived" -> WebinarStatus.ARCHIVED;
            default -> throw new BadRequestException("status", "must be one of published, draft, archived, all");
        };
        if (statusFilter != WebinarStatus.PUBLISHED && !caller.isStaff()) {
            throw new ForbiddenException("Library members see published webinars only.");
        }
        if (topic != null && !topic.isBlank() && !Topics.isKnown(topic)) {
            throw new BadRequestException("topic", "must be one of the topics listed at /api/catalog/topics");
        }
        boolean text = q != null && !q.isBlank();
        String sortName = sort == null || sort.isBlank() ? (text ? "relevance" : "position") : sort;
        WebinarService.SortOrder order = switch (sortName) {
            case "position" -> WebinarService.SortOrder.POSITION;
            case "date" -> WebinarService.SortOrder.DATE;
            case "relevance" -> {
                if (!text) {
                    throw new BadRequestException("sort", "relevance needs a search text q");
                }
                yield WebinarService.SortOrder.RELEVANCE;
            }
            default -> throw new BadRequestException("sort", "must be relevance, position or date");
        };
        if (q != null && q.length() > 200) {
            throw new BadRequestException("q", "must be at most 200 characters");
        }
        if (page < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return webinars.list(new WebinarService.Filter(statusFilter, blankToNull(slug), blankToNull(topic),
                blankToNull(q), order), page, size);
    }

    @GetMapping("/topics")
    @Operation(summary = "The controlled list of topic tags")
    public List<String> topics(Caller caller) {
        return Topics.ALL;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ResponseEntity<WebinarView> withETag(ResponseEntity.BodyBuilder builder, WebinarView view) {
        return builder.eTag(ETags.of(view.version())).body(view);
    }
}
