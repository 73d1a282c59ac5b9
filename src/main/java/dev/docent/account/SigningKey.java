package dev.docent.account;

import dev.docent.shared.ConfigurationProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key for access tokens. The embedded default (H2) may generate one and keep it
 * in the data directory; a server deployment must be given one, so that every instance
 * signs with the same key.
 */
final class SigningKey {

    static final int MIN_LENGTH = 32;

    private SigningKey() {
    }

    static SecretKey resolve(String configured, String databaseUrl, Path dataDir) {
        String secret = configured;
        if (secret.isBlank()) {
            if (!databaseUrl.startsWith("jdbc:h2:")) {
                throw new ConfigurationProblem("DOCENT_JWT_SECRET must be set (at least " + MIN_LENGTH
                        + " characters) when DOCENT_DB_URL points at a database server");
            }
            secret = generatedSecret(dataDir.resolve("jwt.secret"));
        }
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigurationProblem("DOCENT_JWT_SECRET is too short: it needs at least " + MIN_LENGTH
                    + " characters, it has " + secret.length());
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static String generatedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return secret;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated JWT secret in " + file, e);
        }
    }

}
