package org.outward.catalog.roster;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.outward.platform.errors.BadRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
public class MemberController {

    private final MemberService members;

    public MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping("/libraries/{libraryId}/members")
    public ResponseEntity<MemberView> addToLibrary(@PathVariable String libraryId,
            @Valid @RequestBody AddMemberRequest request) {
        return created(members.addToLibrary(libraryId, request));
    }

    @GetMapping("/libraries/{libraryId}/members")
    public List<MemberView> listInLibrary(@PathVariable String libraryId) {
        return members.listInLibrary(libraryId);
    }

    @PostMapping("/staff")
    public ResponseEntity<MemberView> addStaff(@Valid @RequestBody AddStaffRequest request) {
        return created(members.addStaff(request));
    }

    @GetMapping("/staff")
    public List<MemberView> listStaff() {
        return members.listStaff();
    }

    /** Lookup by email (exact, case-insensitive); the roster is not listed whole here. */
    @GetMapping("/members")
    public List<MemberView> findByEmail(@RequestParam(required = false) String email) {
        if (email == null || email.isBlank()) {
            throw new BadRequestException("email", "is required");
        }
        return members.findByEmail(email);
    }

    /** Where the Location of a new member points. */
    @GetMapping("/members/{id}")
    public MemberView get(@PathVariable String id) {
        return members.get(id);
    }

    private static ResponseEntity<MemberView> created(MemberView member) {
        return ResponseEntity.created(URI.create("/api/catalog/members/" + member.id())).body(member);
    }
}
