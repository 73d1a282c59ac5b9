package dev.docent.widget;

import dev.docent.account.GuestAccounts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param guestTokenTtl how long a visitor's credential lasts; the widget asks for a new
 * one (same visitor) when it ends
 */
@ConfigurationProperties("docent.widget")
public record WidgetSettings(@DefaultValue("2h") Duration guestTokenTtl) {

    public WidgetSettings {
        if (guestTokenTtl == null || guestTokenTtl.isNegative() || guestTokenTtl.isZero()
                || guestTokenTtl.compareTo(GuestAccounts.LONGEST_CREDENTIAL) > 0) {
            throw new IllegalArgumentException("docent.widget.guest-token-ttl must be between 1s and 1d");
        }
    }

}
