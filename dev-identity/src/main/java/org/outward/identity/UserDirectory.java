package org.outward.identity;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Everyone who may sign in, by email (case-insensitive). Filled from the roster feed and the bootstrap staff. */
@Component
public class UserDirectory implements UserDetailsService {

    private final Map<String, DevUser> users = new ConcurrentHashMap<>();
    private final String encodedPassword;

    public UserDirectory(IdentityProperties properties, PasswordEncoder encoder) {
        this.encodedPassword = encoder.encode(properties.devPassword());
        if (properties.bootstrapStaff() != null) {
            properties.bootstrapStaff().forEach(person -> put(new DevUser(person.email(), person.name(),
                    List.of("program-staff"), null, null, null)));
        }
    }

    public void put(DevUser user) {
        users.put(key(user.email()), user);
    }

    public void remove(String email) {
        users.remove(key(email));
    }

    public Optional<DevUser> find(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(users.get(key(email)));
    }

    public Collection<DevUser> all() {
        return users.values();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DevUser user = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(user.email()).password(encodedPassword)
                .authorities(user.roles().stream().map(r -> "ROLE_" + r).toArray(String[]::new)).build();
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
