package org.outward.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Access tokens for tests, signed with an RSA key made once per JVM; the services under test trust its public
 * key through {@link #register}. Also makes the bad tokens the security tests need: expired, other issuer,
 * other audience, forged signature, {@code alg: none}, HMAC signed with the public key.
 */
public final class TestTokens {

    public static final String ISSUER = "http://identity.test";
    public static final String AUDIENCE = "outward-api";

    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey FORGER = generate("test-key");

    private TestTokens() {
    }

    /** Makes the service trust tokens of this class. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("outward.security.issuer", () -> ISSUER);
        registry.add("outward.security.public-key", TestTokens::publicKeyPem);
        registry.add("outward.security.jwk-set-uri", () -> ""); // the key above, not an identity provider
    }

    public static String publicKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String staff() {
        return builder().subject("staff-1").email("staff@outward.test").roles("program-staff").sign();
    }

    /** The member of the library: see {@link TestRoster} to put them on a service's roster. */
    public static String member(String libraryId, String cohortId) {
        return builder().subject("member-of-" + libraryId).email(memberEmail(libraryId))
                .roles("library-member").library(libraryId).cohort(cohortId).sign();
    }

    /** The email address of {@link #member}'s token. */
    public static String memberEmail(String libraryId) {
        return "member@" + libraryId + ".test";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A token with every claim settable, valid unless told otherwise. */
    public static final class Builder {
        private String subject = "user-" + UUID.randomUUID();
        private String email = "user@outward.test";
        private List<String> roles = List.of();
        private String library;
        private String cohort;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder roles(String... values) {
            roles = List.of(values);
            return this;
        }

        public Builder library(String value) {
            library = value;
            return this;
        }

        public Builder cohort(String value) {
            cohort = value;
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        private JWTClaimsSet claims() {
            return new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                    .expirationTime(Date.from(expiresAt))
                    .claim("email", email)
                    .claim("roles", roles)
                    .claim("library_id", library)
                    .claim("cohort_id", cohort)
                    .build();
        }

        public String sign() {
            return rs256(KEY);
        }

        /** Same claims and key id, signed by a different key. */
        public String forged() {
            return rs256(FORGER);
        }

        /** Unsigned: {@code alg: none}. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        /** HS256 with the public key's bytes as the secret: the classic algorithm-confusion attack. */
        public String hmacWithPublicKey() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims());
                jwt.sign(new MACSigner(publicKeyPem().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private String rs256(RSAKey key) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
