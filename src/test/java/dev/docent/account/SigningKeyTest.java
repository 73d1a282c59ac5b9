package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docent.shared.ConfigurationProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    private static final String SERVER = "jdbc:postgresql://db.example.org:5432/docent";

    private static final String H2 = "jdbc:h2:file:./data/db/docent;MODE=PostgreSQL";

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseServerWithoutASecretStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> SigningKey.resolve("", SERVER, dataDir)).isInstanceOf(ConfigurationProblem.class)
            .hasMessageContaining("DOCENT_JWT_SECRET");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> SigningKey.resolve("x".repeat(SigningKey.MIN_LENGTH - 1), H2, dataDir))
            .isInstanceOf(ConfigurationProblem.class)
            .hasMessageContaining("DOCENT_JWT_SECRET")
            .hasMessageContaining("too short");
    }

    @Test
    void aConfiguredSecretIsTheKey() {
        String secret = "s".repeat(SigningKey.MIN_LENGTH);

        assertThat(SigningKey.resolve(secret, SERVER, dataDir).getEncoded())
            .isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyAndKeepsItInTheDataDir(@TempDir Path otherDataDir) throws Exception {
        byte[] first = SigningKey.resolve("", H2, dataDir).getEncoded();

        assertThat(Files.readString(dataDir.resolve("jwt.secret")).trim())
            .hasSizeGreaterThanOrEqualTo(SigningKey.MIN_LENGTH);
        assertThat(SigningKey.resolve("", H2, dataDir).getEncoded()).isEqualTo(first);
        assertThat(SigningKey.resolve("", H2, otherDataDir).getEncoded()).isNotEqualTo(first);
    }

}
