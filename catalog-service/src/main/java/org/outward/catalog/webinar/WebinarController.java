package org.outward.catalog.webinar;

import jakarta.validation.Valid;
import java.net.URI;
import org.outward.catalog.support.PageView;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/webinars")
public class WebinarController {

    static final int MAX_PAGE_SIZE = 100;

    private final WebinarService webinars;

    public WebinarController(WebinarService webinars) {
        this.webinars = webinars;
    }

    @PostMapping
    public ResponseEntity<WebinarView> create(@Valid @RequestBody CreateWebinarRequest request) {
        WebinarView created = webinars.create(request);
        // Relative on purpose: the gateway forwards paths unchanged, so it is right on either side of it.
        return ResponseEntity.created(URI.create("/api/catalog/webinars/" + created.id())).body(created);
    }

    @PostMapping("/{id}/publish")
    public WebinarView publish(@PathVariable String id) {
        return webinars.publish(id);
    }

    @GetMapping("/{id}")
    public WebinarView get(@PathVariable String id) {
        return webinars.find(id).orElseThrow(() -> new NotFoundException("Webinar", id));
    }

    /** status: published (default), draft or all; slug: exact match, for lookups by slug. */
    @GetMapping
    public PageView<WebinarView> list(
            @RequestParam(defaultValue = "published") String status,
            @RequestParam(required = false) String slug,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        WebinarStatus statusFilter = switch (status) {
            case "all" -> null;
            case "published" -> WebinarStatus.PUBLISHED;
            case "draft" -> WebinarStatus.DRAFT;
            default -> throw new BadRequestException("status", "must be one of published, draft, all");
        };
        if (page < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return webinars.list(statusFilter, slug == null || slug.isBlank() ? null : slug, page, size);
    }
}
