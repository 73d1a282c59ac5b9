package dev.docent.knowledge.ingest;

import dev.docent.shared.Problem;
import dev.docent.shared.Text;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The rules for a document set's slug, title and base URL, the same for the API and the
 * command line.
 */
public final class DocumentNames {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?");

    private static final Pattern TEXT = Pattern.compile(Text.ONE_VISIBLE_LINE);

    private DocumentNames() {
    }

    /**
     * @throws Problem 400 naming the first bad value
     */
    public static void requireValid(String slug, String title, String baseUrl) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw Problem.invalid("slug", "must be 1-64 lowercase letters, digits, dots or hyphens, "
                    + "starting and ending with a letter or digit, such as python-3.11");
        }
        if (title == null || title.isBlank() || title.length() > 200 || !TEXT.matcher(title).matches()) {
            throw Problem.invalid("title", "must be 1-200 characters, " + Text.ONE_VISIBLE_LINE_MESSAGE);
        }
        if (baseUrl != null && !baseUrl.isBlank() && !isLink(baseUrl)) {
            throw Problem.invalid("baseUrl", "must be an http(s) URL or a path starting with /, at most 1000 "
                    + "characters, without user info, query or fragment (pages' paths are joined to it)");
        }
    }

    private static boolean isLink(String url) {
        if (url.length() > 1000) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return false;
            }
            boolean web = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            return web || (uri.getScheme() == null && url.startsWith("/") && !url.startsWith("//"));
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

}
