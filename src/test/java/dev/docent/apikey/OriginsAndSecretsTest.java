package dev.docent.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsAndSecretsTest {

    @Test
    void originsAreCanonicalAsBrowsersSendThem() {
        assertThat(Origins.normalize("HTTPS://Docs.Example.com/")).hasValue("https://docs.example.com");
        assertThat(Origins.normalize("https://docs.example.com:443")).hasValue("https://docs.example.com");
        assertThat(Origins.normalize("http://localhost:8081")).hasValue("http://localhost:8081");
        assertThat(Origins.normalize("https://docs.example.com/guide")).isEmpty();
        assertThat(Origins.normalize("ftp://docs.example.com")).isEmpty();
        assertThat(Origins.normalize("https://user@docs.example.com")).isEmpty();
        assertThat(Origins.normalize("docs.example.com")).isEmpty();
        assertThat(Origins.normalize("*")).isEmpty();
        assertThat(Origins.normalize(" ")).isEmpty();
    }

    @Test
    void keysAreRandomRecognisableAndStoredAsTheirHash() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(Secrets.generate(KeyKind.SECRET));
        }
        assertThat(keys).hasSize(100).allSatisfy(key -> {
            assertThat(key).startsWith("dk_sec_");
            assertThat(Secrets.plausible(key)).isTrue();
        });
        String key = Secrets.generate(KeyKind.PUBLIC);
        assertThat(key).startsWith("dk_pub_");
        assertThat(Secrets.shown(key)).isEqualTo(key.substring(0, "dk_pub_".length() + 4));
        assertThat(Secrets.hash(key)).hasSize(64).isEqualTo(Secrets.hash(key)).doesNotContain(key.substring(7));
        assertThat(Secrets.plausible(key + "x")).isFalse();
        assertThat(Secrets.plausible("eyJhbGciOiJIUzI1NiJ9.e30.x")).isFalse();
    }

    @Test
    void aKeyCoversItsDocumentSetsOrAllOfThemAndOnlyItsOrigins() {
        java.util.UUID tea = java.util.UUID.randomUUID();
        ApiKey scoped = new ApiKey(new ApiKeyId(java.util.UUID.randomUUID()), "k", KeyKind.PUBLIC, Set.of(tea),
                java.util.List.of("https://docs.example.com"), false, 60, 10);
        assertThat(scoped.covers(tea)).isTrue();
        assertThat(scoped.covers(java.util.UUID.randomUUID())).isFalse();
        assertThat(scoped.allowsOrigin("https://docs.example.com")).isTrue();
        assertThat(scoped.allowsOrigin("https://evil.example.com")).isFalse();
        assertThat(scoped.allowsOrigin(null)).isFalse();
        ApiKey all = new ApiKey(scoped.id(), "k", KeyKind.SECRET, Set.of(), java.util.List.of(), true, 60, 10);
        assertThat(all.covers(java.util.UUID.randomUUID())).isTrue();
    }

}
