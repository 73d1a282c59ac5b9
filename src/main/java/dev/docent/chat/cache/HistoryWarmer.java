package dev.docent.chat.cache;

import dev.docent.account.UserLoggedIn;
import dev.docent.chat.ChatHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * After a login, loads the user's chat list and latest chats into the cache, off the
 * request path.
 */
@Component
class HistoryWarmer {

    private static final Logger log = LoggerFactory.getLogger(HistoryWarmer.class);

    private final ChatHistory history;

    HistoryWarmer(ChatHistory history) {
        this.history = history;
    }

    @Async
    @EventListener
    void on(UserLoggedIn event) {
        try {
            history.warm(event.userId());
        }
        catch (RuntimeException e) {
            log.warn("Could not warm the history cache for user {}", event.userId(), e);
        }
    }

}
