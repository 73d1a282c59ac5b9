package dev.docent.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** URLs as they may be shown (health, logs, errors): credentials in them never are. */
public final class Urls {

    private static final String HIDDEN = "***";

    private Urls() {
    }

    /**
     * The URL with its user info and query values replaced by {@code ***}:
     * {@code http://***@host/v1?key=***}.
     */
    public static String redacted(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.isOpaque() || uri.getRawAuthority() == null) {
                return uri.getRawQuery() == null && uri.getRawUserInfo() == null ? url : HIDDEN;
            }
            StringBuilder shown = new StringBuilder(uri.getScheme()).append("://");
            if (uri.getRawUserInfo() != null) {
                shown.append(HIDDEN).append('@');
            }
            shown.append(uri.getHost() == null ? HIDDEN : uri.getHost());
            if (uri.getPort() >= 0) {
                shown.append(':').append(uri.getPort());
            }
            shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                shown.append('?')
                    .append(Arrays.stream(uri.getRawQuery().split("&"))
                        .map(parameter -> parameter.replaceFirst("=.*", "=" + HIDDEN))
                        .collect(Collectors.joining("&")));
            }
            return shown.toString();
        }
        catch (URISyntaxException e) {
            // not a URL one can take apart: show no more than the part before any user
            // info or query
            return url.replaceAll("[?#].*", "?" + HIDDEN).replaceAll("//[^/]*@", "//" + HIDDEN + "@");
        }
    }

}
