package org.outward.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.outward.contracts.roster.InMemoryRoster;
import org.outward.contracts.roster.RosterPerson;
import org.outward.contracts.roster.RosterStanding;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Everyone who may sign in now, by email (any case): whoever the roster (the topic, folded in memory by
 * {@link RosterFeed}) has on it, by the same rule the services apply ({@link RosterStanding}): a removed person, a
 * member of a library that left its cohort, or a member whose library is not known yet, may not. Plus the bootstrap
 * staff, who exist before any roster event (they create the roster) unless the roster removes them.
 */
@Component
public class UserDirectory implements UserDetailsService {

    private final InMemoryRoster roster;
    private final Map<String, DevUser> bootstrapStaff = new ConcurrentHashMap<>();
    private final String encodedPassword;

    public UserDirectory(InMemoryRoster roster, IdentityProperties properties, PasswordEncoder encoder) {
        this.roster = roster;
        this.encodedPassword = encoder.encode(properties.devPassword());
        if (properties.bootstrapStaff() != null) {
            properties.bootstrapStaff().forEach(person -> bootstrapStaff.put(RosterPerson.emailKey(person.email()),
                    new DevUser(person.email(), person.name(), List.of("program-staff"), null, null, null)));
        }
    }

    public Optional<DevUser> find(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        RosterStanding standing = roster.standing(email);
        if (standing.isActive()) {
            RosterPerson person = standing.person();
            String cohort = standing.library() != null ? standing.library().cohortId() : person.cohortId();
            return Optional.of(new DevUser(person.email(), person.name(), List.of(person.role()), person.libraryId(),
                    person.isStaff() ? null : cohort, person.memberId()));
        }
        if (standing.status() == RosterStanding.Status.UNKNOWN) {
            return Optional.ofNullable(bootstrapStaff.get(RosterPerson.emailKey(email)));
        }
        return Optional.empty();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DevUser user = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(user.email()).password(encodedPassword)
                .authorities(user.roles().stream().map(r -> "ROLE_" + r).toArray(String[]::new)).build();
    }
}
