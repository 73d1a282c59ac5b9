package dev.docent.chat.web;

import dev.docent.account.CurrentUser;
import dev.docent.chat.ChatHistory;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The hot path: a chat or a page of the list that the cache holds is written straight
 * from the cached bytes, after Spring Security has authenticated the request but without
 * the MVC dispatch, which costs a third of such a request. Everything else — misses, bad
 * parameters, errors — goes on to {@link ChatController}, which owns the endpoints' full
 * behaviour.
 */
@Component
class CachedReads extends OncePerRequestFilter {

    private static final String LIST = "/api/v1/chats";

    private static final String ONE = LIST + "/";

    private static final int UUID_LENGTH = 36;

    /**
     * Set when this filter asked the cache and missed, so the controller goes straight to
     * the database.
     */
    static final String MISSED = CachedReads.class.getName() + ".missed";

    private final ChatHistory history;

    CachedReads(ChatHistory history) {
        this.history = history;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || !acceptsJson(request.getHeader("Accept"))
                || !(uri.equals(LIST) || uri.length() == ONE.length() + UUID_LENGTH && uri.startsWith(ONE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<byte[]> cached = CurrentUser.find().flatMap(user -> lookUp(request, user));
        if (cached.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = cached.get();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(ChatController.X_CACHE, "HIT");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Optional<byte[]> lookUp(HttpServletRequest request, CurrentUser user) {
        try {
            if (request.getRequestURI().equals(LIST)) {
                return listPage(request, user);
            }
            UUID chat = UUID.fromString(request.getRequestURI().substring(ONE.length()));
            measuredAs(request, ONE + "{chatId}");
            return missed(request, history.cachedChat(user.id(), new ChatId(chat)));
        }
        catch (IllegalArgumentException | Problem unusual) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> missed(HttpServletRequest request, Optional<byte[]> cached) {
        if (cached.isEmpty()) {
            request.setAttribute(MISSED, Boolean.TRUE);
        }
        return cached;
    }

    /**
     * What the controller would answer with JSON; anything else is left to its content
     * negotiation.
     */
    private static boolean acceptsJson(String accept) {
        return accept == null || accept.contains("*/*") || accept.contains("application/json")
                || accept.contains("application/*");
    }

    /** Request metrics name the endpoint as MVC would have, not "UNKNOWN". */
    private static void measuredAs(HttpServletRequest request, String pattern) {
        ServerHttpObservationFilter.findObservationContext(request)
            .ifPresent(context -> context.setPathPattern(pattern));
    }

    /**
     * Only the plain listing, with parameters within the controller's limits; a search is
     * never cached.
     */
    private Optional<byte[]> listPage(HttpServletRequest request, CurrentUser user) {
        String q = request.getParameter("q");
        String limitParameter = request.getParameter("limit");
        int limit = limitParameter == null ? ChatController.DEFAULT_LIMIT : Integer.parseInt(limitParameter);
        String cursor = request.getParameter("cursor");
        if (q != null || limit < 1 || limit > ChatController.MAX_LIMIT || cursor != null && cursor.isEmpty()) {
            return Optional.empty();
        }
        measuredAs(request, LIST);
        return missed(request, history.cachedList(user.id(), cursor, limit));
    }

}
