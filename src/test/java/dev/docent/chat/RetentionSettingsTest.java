package dev.docent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The retention settings as the environment gives them. */
class RetentionSettingsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void theGuestPeriodFollowsTheGeneralOneUnlessSet() {
        RetentionSettings general = bind(Map.of("DOCENT_RETENTION_DAYS", "30"));
        assertThat(general.guestPeriod()).isEqualTo(30);
        assertThat(general.guestCutoff(CLOCK)).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));

        RetentionSettings guests = bind(Map.of("DOCENT_RETENTION_DAYS", "30", "DOCENT_RETENTION_GUEST_DAYS", "7"));
        assertThat(guests.guestPeriod()).isEqualTo(7);
        assertThat(guests.guestCutoff(CLOCK)).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(guests.cutoff(CLOCK)).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));

        RetentionSettings guestsOnly = bind(Map.of("DOCENT_RETENTION_GUEST_DAYS", "7"));
        assertThat(guestsOnly.enabled()).isFalse();
        assertThat(guestsOnly.guestPeriod()).isEqualTo(7);

        assertThat(bind(Map.of()).guestPeriod()).as("keeps everything by default").isZero();
    }

    @Test
    void aBadGuestPeriodStopsTheStartNamingTheSetting() {
        assertInvalid(Map.of("DOCENT_RETENTION_GUEST_DAYS", "-1"),
                "docent.retention.guest-days must be 0 (as docent.retention.days) or more, not -1");
        assertInvalid(Map.of("DOCENT_RETENTION_DAYS", "30", "DOCENT_RETENTION_GUEST_DAYS", "90"),
                "docent.retention.guest-days (90) must not exceed docent.retention.days (30)");
    }

    private static void assertInvalid(Map<String, Object> variables, String message) {
        assertThatThrownBy(() -> bind(variables)).isInstanceOf(BindException.class)
            .rootCause()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(message);
    }

    private static RetentionSettings bind(Map<String, Object> variables) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("docent.retention",
                RetentionSettings.class);
    }

}
