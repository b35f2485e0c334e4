package org.outward.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/token} with {@code username} (a roster email) and {@code password} (the dev password): an access
 * token in one curl command, for people and scripts on the local stack. Development only; a real provider has no such
 * endpoint (OAuth 2.1 dropped the password grant), which is why this is a separate, plainly named endpoint.
 */
@RestController
class DevTokenController {

    private final UserDirectory users;
    private final JwtEncoder encoder;
    private final IdentityProperties properties;
    private final String encodedPassword;
    private final PasswordEncoder passwords;
    private final Clock clock = Clock.systemUTC();

    DevTokenController(UserDirectory users, JwtEncoder encoder, IdentityProperties properties, PasswordEncoder passwords) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.passwords = passwords;
        this.encodedPassword = passwords.encode(properties.devPassword());
    }

    /** The bare token, for {@code TOKEN=$(curl ... -H 'Accept: text/plain')}. */
    @PostMapping(path = "/dev/token", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<?> bareToken(@RequestParam String username, @RequestParam String password) {
        ResponseEntity<?> response = token(username, password);
        if (response.getBody() instanceof Map<?, ?> body) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(String.valueOf(body.get("access_token")));
        }
        return response;
    }

    @PostMapping(path = "/dev/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(@RequestParam String username, @RequestParam String password) {
        DevUser user = users.find(username).orElse(null);
        if (user == null || !passwords.matches(password, encodedPassword)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Unknown user or wrong password.");
            problem.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.email())
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()));
        TokenClaims.of(user).forEach(claims::claim);
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", properties.tokenTtl().toSeconds()));
    }
}
