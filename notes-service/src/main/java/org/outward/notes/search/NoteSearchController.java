package org.outward.notes.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.outward.notes.note.NoteService;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.security.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Note search", description = "Search the notes by words and meaning; notes like a note")
@RestController
@RequestMapping("/api/notes")
class NoteSearchController {

    private final NoteSearch search;
    private final NoteService notes;

    NoteSearchController(NoteSearch search, NoteService notes) {
        this.search = search;
        this.notes = notes;
    }

    /**
     * Notes the caller may read that match {@code q} by words (stems: "closing" finds "closed") or by meaning
     * ("child care" finds "the daycare closed"), best first, each with its best passages and the matched words'
     * offsets. A query that matches nothing is an empty page.
     */
    @Operation(summary = "Search notes by words and meaning, with snippets (whoever may read the notes)")
    @GetMapping("/search")
    SearchPage search(@Parameter(description = "what to look for, 1 to 500 characters") @RequestParam(required = false)
            String q, @ParameterObject @Validated SearchFilters filters, HttpServletRequest request, Caller caller) {
        refuseUnknown(request, SearchFilters.NAMES);
        return search.search(caller, q, filters);
    }

    /** The notes nearest in meaning to a note the caller may read (404 otherwise), with the same filters. */
    @Operation(summary = "Notes like a note (whoever may read it), with snippets")
    @GetMapping("/{id}/similar")
    SearchPage similar(@PathVariable String id, @ParameterObject @Validated SearchFilters filters,
            HttpServletRequest request, Caller caller) {
        Set<String> names = new TreeSet<>(SearchFilters.NAMES);
        names.remove("q");
        refuseUnknown(request, names);
        notes.get(caller, id); // 404 for a note the caller may not read, like reading it
        return search.similar(caller, id, filters);
    }

    private static void refuseUnknown(HttpServletRequest request, Set<String> known) {
        for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
            if (!known.contains(name)) {
                throw new BadRequestException(name, "is not a search parameter; use one of "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
