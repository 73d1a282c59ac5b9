package dev.docent.llm.settings;

import dev.docent.shared.Urls;
import java.net.URI;
import java.time.Duration;

/**
 * Normalizing and checking what the module's settings share; a bad value fails with the
 * line naming its variable.
 */
public final class SettingValues {

    private SettingValues() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Without surrounding blanks and trailing slashes, or null when not set. */
    public static String baseUrl(String value) {
        return blankToNull(value) == null ? null : value.strip().replaceAll("/+$", "");
    }

    public static void requireHttpUrl(String variable, String url) {
        if (!isHttpUrl(url)) {
            throw new InvalidLlmSettingsException(
                    variable + " must be an http:// or https:// URL (was '" + Urls.redacted(url) + "')");
        }
    }

    public static void requirePositive(String variable, Duration duration, String example) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new InvalidLlmSettingsException(variable + " must be a positive duration such as " + example);
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

}
