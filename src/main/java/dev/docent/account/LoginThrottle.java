package dev.docent.account;

import dev.docent.shared.Problem;
import dev.docent.shared.redis.SharedBuckets;
import dev.docent.shared.redis.SharedBuckets.Taken;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Limits failed logins (bucket4j) per client address, whatever the usernames, and per
 * username from one client address: guessing across accounts is throttled, and guesses
 * from elsewhere never lock the real user out. An attempt takes a token from both buckets
 * before the password is checked (so parallel guesses cannot overrun the limit) and gives
 * them back when it succeeds. Shared through Redis when it is configured, so the limits
 * hold across instances; if Redis fails, the instance's own buckets keep limiting.
 */
class LoginThrottle {

    /** What to do once the password has been checked. */
    interface Attempt {

        void succeeded();

    }

    private final int perUsername;

    private final int perClient;

    private final SharedBuckets buckets;

    LoginThrottle(int perUsernamePerMinute, int perClientPerMinute, SharedBuckets buckets) {
        this.perUsername = perUsernamePerMinute;
        this.perClient = perClientPerMinute;
        this.buckets = buckets;
    }

    Attempt attempt(String username, String clientAddress) {
        String client = client(clientAddress);
        Taken fromClient = buckets.take("login:c:" + client, perClient);
        if (!fromClient.probe().isConsumed()) {
            throw limited(fromClient, "from this address");
        }
        Taken forUsername = buckets.take("login:u:" + username.toLowerCase() + ":" + client, perUsername);
        if (!forUsername.probe().isConsumed()) {
            fromClient.giveBack();
            throw limited(forUsername, "for this username");
        }
        return () -> {
            fromClient.giveBack();
            forUsername.giveBack();
        };
    }

    /** An IPv6 client usually holds a whole /64, so that is what counts as one client. */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "/64"
                    : InetAddress.getByAddress(bytes).getHostAddress();
        }
        catch (UnknownHostException e) {
            return address;
        }
    }

    private static Problem limited(Taken taken, String scope) {
        long seconds = taken.secondsToWait();
        return Problem
            .tooManyRequests("rate-limited", "Too many login attempts",
                    "Too many failed login attempts " + scope + "; try again in " + seconds + " s")
            .withRetryAfter(seconds);
    }

}
