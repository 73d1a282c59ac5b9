package dev.docent.insights.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who asked, as the insights show it: "reader-" and eight hex digits of an HMAC of the
 * user id under a key this installation made, so one reader has one name everywhere and
 * the name cannot be turned back into the account without the key.
 */
@Component
public class Pseudonyms {

    private final JdbcClient jdbc;

    private volatile SecretKeySpec key;

    Pseudonyms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String of(UUID user) {
        if (user == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(user.toString().getBytes(StandardCharsets.US_ASCII));
            return "reader-" + HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            known = new SecretKeySpec(HexFormat.of().parseHex(storedOrNewSecret()), "HmacSHA256");
            key = known;
        }
        return known;
    }

    private String storedOrNewSecret() {
        var stored = jdbc.sql("select secret from insight_keys where id = 1").query(String.class).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            jdbc.sql("insert into insight_keys (id, secret) values (1, ?)")
                .param(HexFormat.of().formatHex(secret))
                .update();
        }
        catch (DuplicateKeyException anotherInstanceWasFirst) {
            // theirs is the key
        }
        return jdbc.sql("select secret from insight_keys where id = 1").query(String.class).single();
    }

}
