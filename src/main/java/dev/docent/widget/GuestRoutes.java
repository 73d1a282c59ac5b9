package dev.docent.widget;

import java.util.regex.Pattern;

/**
 * What a guest may call: start an OFFICIAL_DOCS chat, ask in it, stop its answer, read
 * it, rate its answers. Everything else refuses a guest.
 */
public final class GuestRoutes {

    private static final String CHATS = "/api/v1/chats";

    private static final Pattern CHAT = Pattern.compile("/api/v1/chats/[0-9a-fA-F-]{36}");

    private static final Pattern ASK_OR_STOP = Pattern.compile("/api/v1/chats/[0-9a-fA-F-]{36}/(messages|stop)");

    private static final Pattern MESSAGES = Pattern.compile("/api/v1/chats/[0-9a-fA-F-]{36}/messages");

    private static final Pattern FEEDBACK = Pattern
        .compile("/api/v1/chats/[0-9a-fA-F-]{36}/messages/[0-9a-fA-F-]{36}/feedback");

    private GuestRoutes() {
    }

    public static boolean allowed(String method, String path) {
        return switch (method) {
            case "POST" -> isStart(method, path) || ASK_OR_STOP.matcher(path).matches();
            case "GET" -> CHAT.matcher(path).matches() || MESSAGES.matcher(path).matches();
            case "PUT", "DELETE" -> FEEDBACK.matcher(path).matches();
            default -> false;
        };
    }

    public static boolean isStart(String method, String path) {
        return "POST".equals(method) && CHATS.equals(path);
    }

    /** The paths a widget calls from another origin, which need CORS. */
    public static boolean crossOrigin(String path) {
        return path.equals(CHATS) || path.startsWith(CHATS + "/") || path.equals("/api/v1/widget/session");
    }

}
