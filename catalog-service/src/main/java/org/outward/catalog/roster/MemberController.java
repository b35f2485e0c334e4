package org.outward.catalog.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People on the roster: staff manage them; a library member sees their own library's team. */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Roster")
public class MemberController {

    private final MemberService members;

    public MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping("/libraries/{libraryId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a person to a library's team (staff): MemberAdded")
    public ResponseEntity<MemberView> addToLibrary(@StaffOnly Caller caller, @PathVariable String libraryId,
            @Valid @RequestBody AddMemberRequest request) {
        return created(members.addToLibrary(libraryId, request));
    }

    @GetMapping("/libraries/{libraryId}/members")
    @Operation(summary = "A library's team (members: their own library)")
    public List<MemberView> listInLibrary(Caller caller, @PathVariable String libraryId) {
        caller.requireLibrary(libraryId);
        return members.listInLibrary(libraryId);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add program staff (staff): MemberAdded")
    public ResponseEntity<MemberView> addStaff(@StaffOnly Caller caller, @Valid @RequestBody AddStaffRequest request) {
        return created(members.addStaff(request));
    }

    @GetMapping("/staff")
    @Operation(summary = "The program staff (staff)")
    public List<MemberView> listStaff(@StaffOnly Caller caller) {
        return members.listStaff();
    }

    /** Lookup by email (exact, case-insensitive); the roster is not listed whole here. */
    @GetMapping("/members")
    @Operation(summary = "Find a person by email (staff)")
    public List<MemberView> findByEmail(@StaffOnly Caller caller, @RequestParam(required = false) String email) {
        if (email == null || email.isBlank()) {
            throw new BadRequestException("email", "is required");
        }
        return members.findByEmail(email);
    }

    /** Where the Location of a new member points. */
    @GetMapping("/members/{id}")
    @Operation(summary = "One person (members: people of their own library)")
    public MemberView get(Caller caller, @PathVariable String id) {
        MemberView member = members.get(id);
        if (!caller.isStaff() && (member.libraryId() == null || !caller.canAccessLibrary(member.libraryId()))) {
            throw new NotFoundException("Member", id);
        }
        return member;
    }

    @DeleteMapping("/members/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a person off the roster (staff): MemberRemoved")
    public void remove(@StaffOnly Caller caller, @PathVariable String id) {
        members.remove(id);
    }

    private static ResponseEntity<MemberView> created(MemberView member) {
        return ResponseEntity.created(URI.create("/api/catalog/members/" + member.id())).body(member);
    }
}
