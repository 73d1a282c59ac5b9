package dev.docent.account;

import dev.docent.shared.ConfigurationProblem;
import dev.docent.shared.redis.SharedBuckets;
import java.time.Clock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LoginThrottle loginThrottle(AuthSettings settings, SharedBuckets buckets) {
        return new LoginThrottle(settings.auth().loginAttemptsPerMinute(),
                settings.auth().loginAttemptsPerClientPerMinute(), buckets);
    }

    /**
     * Before the server takes requests: nobody may sign in to the account while it
     * changes hands.
     */
    @Bean
    SmartInitializingSingleton operatorAdmin(AuthSettings settings, AccountService accounts) {
        return () -> {
            AuthSettings.Admin admin = settings.admin();
            if (admin.username().isBlank() != admin.password().isBlank()) {
                throw new ConfigurationProblem("DOCENT_ADMIN_USERNAME and DOCENT_ADMIN_PASSWORD must be set together");
            }
            if (!admin.username().isBlank()) {
                accounts.ensureAdmin(admin.username(), admin.password());
            }
        };
    }

}
