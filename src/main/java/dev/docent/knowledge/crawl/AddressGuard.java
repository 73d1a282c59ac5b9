package dev.docent.knowledge.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the fetcher off the server's own network: a host whose address is private,
 * loopback, link-local (cloud metadata), unspecified or multicast is refused unless the
 * allow-list names the host, the address or a range holding it. Checked for every
 * request, redirects included, on the addresses the name resolves to.
 */
final class AddressGuard {

    /** Why a URL may not be fetched. */
    static final class Refused extends Exception {

        Refused(String message) {
            super(message);
        }

    }

    /** Resolves a host name; a test may stand in for DNS. */
    @FunctionalInterface
    interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;

    }

    private final List<String> allow;

    private final Resolver resolver;

    AddressGuard(List<String> allow) {
        this(allow, InetAddress::getAllByName);
    }

    AddressGuard(List<String> allow, Resolver resolver) {
        this.allow = allow.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        this.resolver = resolver;
    }

    /**
     * @throws Refused naming the address and the setting that would allow it
     */
    void check(URI url) throws Refused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https addresses are fetched, not " + url);
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("no host in " + url);
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedByName(bare)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        }
        catch (UnknownHostException e) {
            throw new Refused("the host " + bare + " is unknown");
        }
        for (InetAddress address : addresses) {
            String kind = internal(address);
            if (kind != null && !allowedAddress(address)) {
                throw new Refused(bare + " is " + kind + " address (" + address.getHostAddress()
                        + "); name it in DOCENT_KNOWLEDGE_FETCH_ALLOW to crawl it");
            }
        }
    }

    /** What kind of internal address this is, with its article; null for a public one. */
    static String internal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isMappedV4(b)) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                }
                catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local)";
            }
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        if (address instanceof Inet4Address v4) {
            byte[] b = v4.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "an unspecified";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a private (carrier-grade NAT)";
            }
        }
        return null;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private boolean allowedByName(String host) {
        return allow.stream().anyMatch(entry -> !entry.contains("/") && entry.equalsIgnoreCase(host));
    }

    private boolean allowedAddress(InetAddress address) {
        for (String entry : allow) {
            int slash = entry.indexOf('/');
            String base = slash < 0 ? entry : entry.substring(0, slash);
            if (!looksLikeAddress(base)) {
                continue;
            }
            try {
                InetAddress network = InetAddress.getByName(base);
                int bits = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(entry.substring(slash + 1));
                if (inRange(address, network, bits)) {
                    return true;
                }
            }
            catch (UnknownHostException | NumberFormatException e) {
                // not an address or a range: matched by name only
            }
        }
        return false;
    }

    private static boolean looksLikeAddress(String value) {
        return value.contains(":") || value.matches("[0-9.]+");
    }

    private static boolean inRange(InetAddress address, InetAddress network, int bits) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length || bits < 0 || bits > a.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

}
