package org.outward.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/** The RSA key tokens are signed with: read from the key file when there is one, else made (and saved). */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey load(String keyFile) {
        try {
            if (keyFile == null || keyFile.isBlank()) {
                return generate();
            }
            Path path = Path.of(keyFile);
            if (Files.exists(path)) {
                return RSAKey.parse(Files.readString(path));
            }
            RSAKey key = generate();
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, key.toJSONString());
            return key;
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot load or create the signing key " + keyFile, e);
        }
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }
}
