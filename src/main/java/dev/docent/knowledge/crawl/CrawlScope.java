package dev.docent.knowledge.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a crawl keeps to: one scheme, host and port, and the paths under one prefix. A
 * page's path in the set is its URL's path below the prefix ({@code index.html} for a
 * directory), so the prefix as base URL links citations back to the page.
 */
record CrawlScope(String scheme, String host, int port, String pathPrefix) {

    /**
     * The scope of a prefix URL: its directory ({@code https://h/docs/} of
     * {@code https://h/docs/a.html}).
     */
    static CrawlScope of(URI prefix) {
        String path = prefix.getRawPath() == null || prefix.getRawPath().isEmpty() ? "/" : prefix.getRawPath();
        String directory = path.substring(0, path.lastIndexOf('/') + 1);
        return new CrawlScope(prefix.getScheme().toLowerCase(Locale.ROOT), prefix.getHost().toLowerCase(Locale.ROOT),
                effectivePort(prefix), directory);
    }

    /** The prefix as a URL: the set's default base URL. */
    String url() {
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (defaultPort ? "" : ":" + port) + pathPrefix;
    }

    boolean contains(URI url) {
        return url.getScheme() != null && url.getHost() != null && scheme.equalsIgnoreCase(url.getScheme())
                && host.equalsIgnoreCase(url.getHost()) && port == effectivePort(url) && url.getRawPath() != null
                && url.getRawPath().startsWith(pathPrefix);
    }

    /**
     * The page a link names in this scope, without its fragment; empty for one outside
     * the scope, with a query (a search, a generated view) or not http(s).
     */
    Optional<URI> page(URI base, String href) {
        try {
            URI url = base.resolve(new URI(href.strip().replace(" ", "%20"))).normalize();
            if (url.getRawQuery() != null || !contains(url)) {
                return Optional.empty();
            }
            return Optional
                .of(new URI(url.getScheme(), url.getRawAuthority(), url.getRawPath(), null, null).normalize());
        }
        catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The page's path in the set, decoded: {@code library/functools.html}. */
    String pathOf(URI url) {
        String relative = url.getPath().substring(URI.create(url()).getPath().length());
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }

    private static int effectivePort(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

}
