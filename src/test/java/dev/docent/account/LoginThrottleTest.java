package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docent.shared.Problem;
import dev.docent.shared.redis.SharedBuckets;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void oneIpv6ClientIsItsWholeSlash64() {
        assertThat(LoginThrottle.client("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.client("2001:db8:1:2::ffff"))
            .isNotEqualTo(LoginThrottle.client("2001:db8:1:3::1"));
        assertThat(LoginThrottle.client("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(LoginThrottle.client("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void aClientRotatingThroughItsSlash64IsStillOneClient() {
        LoginThrottle throttle = new LoginThrottle(100, 2, SharedBuckets.local());
        throttle.attempt("a", "2001:db8::1");
        throttle.attempt("b", "2001:db8::2");

        assertThatThrownBy(() -> throttle.attempt("c", "2001:db8::3")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.retryAfterSeconds()).isPositive());
        throttle.attempt("c", "2001:db8:0:1::3");
    }

}
