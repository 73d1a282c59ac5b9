package dev.docent.chat;

import dev.docent.chat.cache.CacheSettings;
import dev.docent.chat.cache.HistoryCache;
import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations: the database is the truth, the history cache makes reads fast. Reads go
 * through the cache and fill it on a miss; writes commit first and then update the cache.
 * Another user's chat is indistinguishable from a missing one.
 */
@Service
public class ChatHistory {

    /** A JSON body ready to send, and whether it came from the cache. */
    public record Json(byte[] body, boolean cacheHit) {
    }

    public record Started(ChatSummary chat, MessageView userMessage) {
    }

    public record MessagePage(List<MessageView> items, Integer nextBefore) {
    }

    private static final Logger log = LoggerFactory.getLogger(ChatHistory.class);

    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);

    private final Chats chats;

    private final HistoryCache cache;

    private final CacheSettings settings;

    private final TransactionTemplate tx;

    private final JsonMapper json;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final Counter chatHits;

    private final Counter chatMisses;

    private final Counter listHits;

    private final Counter listMisses;

    ChatHistory(Chats chats, HistoryCache cache, CacheSettings settings, TransactionTemplate tx, JsonMapper json,
            Clock clock, MeterRegistry meters, ApplicationEventPublisher events) {
        this.chats = chats;
        this.cache = cache;
        this.settings = settings;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.chatHits = meters.counter("docent.cache.requests", "kind", "chat", "result", "hit");
        this.chatMisses = meters.counter("docent.cache.requests", "kind", "chat", "result", "miss");
        this.listHits = meters.counter("docent.cache.requests", "kind", "list", "result", "hit");
        this.listMisses = meters.counter("docent.cache.requests", "kind", "list", "result", "miss");
    }

    // ---- reads

    /**
     * The chat's JSON if the cache has it. Hits are counted here, misses where the
     * database is read.
     */
    public Optional<byte[]> cachedChat(UserId user, ChatId chat) {
        Optional<byte[]> cached = cache.chat(user, chat);
        cached.ifPresent(hit -> chatHits.increment());
        return cached;
    }

    /**
     * A page of the list if the cache has the user's complete index; nothing otherwise.
     */
    public Optional<byte[]> cachedList(UserId user, String cursor, int limit) {
        ListCursor after = cursor == null ? null : ListCursor.decode(cursor);
        Optional<byte[]> cached = cache.page(user, after, limit + 1).map(page -> pageJson(page, limit));
        cached.ifPresent(hit -> listHits.increment());
        return cached;
    }

    public Json chat(UserId user, ChatId chat) {
        return cachedChat(user, chat).map(hit -> new Json(hit, true)).orElseGet(() -> chatFromDatabase(user, chat));
    }

    /** After a miss: loads the chat and fills the cache. */
    public Json chatFromDatabase(UserId user, ChatId chat) {
        chatMisses.increment();
        Chats.Versioned<ChatView> loaded = chats.view(user, chat, settings.embeddedMessages())
            .orElseThrow(() -> noSuchChat(chat));
        byte[] body = json.writeValueAsBytes(loaded.value());
        cache.fillChat(user, chat, loaded.version(), body);
        return new Json(body, false);
    }

    public Json list(UserId user, String cursor, int limit) {
        return cachedList(user, cursor, limit).map(hit -> new Json(hit, true))
            .orElseGet(() -> listFromDatabase(user, cursor, limit));
    }

    /**
     * After a miss: loads the page (and, when the cache is usable, the whole index to
     * fill it).
     */
    public Json listFromDatabase(UserId user, String cursor, int limit) {
        listMisses.increment();
        ListCursor after = cursor == null ? null : ListCursor.decode(cursor);
        long stamp = cache.listStamp(user);
        if (stamp < 0) {
            List<HistoryCache.IndexEntry> page = chats.page(user, after, limit)
                .stream()
                .map(this::unversionedEntry)
                .toList();
            return new Json(pageJson(page, limit), false);
        }
        List<HistoryCache.IndexEntry> all = chats.allSummaries(user).stream().map(this::indexEntry).toList();
        cache.fillIndex(user, stamp, all);
        List<HistoryCache.IndexEntry> from = after == null ? all
                : all.stream().filter(e -> e.member().compareTo(after.member()) < 0).toList();
        return new Json(pageJson(from.subList(0, Math.min(from.size(), limit + 1)), limit), false);
    }

    public Json search(UserId user, String text, String cursor, int limit) {
        ListCursor after = cursor == null ? null : ListCursor.decode(cursor);
        List<HistoryCache.IndexEntry> page = chats.search(user, text, after, limit)
            .stream()
            .map(this::unversionedEntry)
            .toList();
        return new Json(pageJson(page, limit), false);
    }

    public MessagePage messages(UserId user, ChatId chat, Integer before, int limit) {
        requireOwned(user, chat);
        List<MessageView> items = chats.newestFirst(chat, before == null ? Integer.MAX_VALUE : before, limit + 1);
        boolean more = items.size() > limit;
        List<MessageView> shown = more ? items.subList(0, limit) : items;
        return new MessagePage(List.copyOf(shown), more ? shown.getLast().seq() : null);
    }

    public ChatSummary summary(UserId user, ChatId chat) {
        return chats.summary(user, chat).map(Chats.Versioned::value).orElseThrow(() -> noSuchChat(chat));
    }

    /** The whole conversation, oldest first, for export. */
    public ChatView everything(UserId user, ChatId chat) {
        ChatView head = chats.view(user, chat, 0).map(Chats.Versioned::value).orElseThrow(() -> noSuchChat(chat));
        return new ChatView(head.id(), head.title(), head.category(), head.documentId(), head.createdAt(),
                head.updatedAt(), chats.allMessages(chat), false);
    }

    /**
     * The newest {@code n} messages of the visible path up to its last question, oldest
     * first: the conversation a model sees. An answer being regenerated is left out.
     */
    public List<MessageView> recent(UserId user, ChatId chat, int n) {
        requireOwned(user, chat);
        List<MessageView> newestFirst = chats.newestFirst(chat, Integer.MAX_VALUE, n);
        int question = 0;
        while (question < newestFirst.size() && !newestFirst.get(question).role().equals(MessageView.USER)) {
            question++;
        }
        return newestFirst.subList(question, newestFirst.size()).reversed();
    }

    // ---- writes: commit, then update the cache

    public ChatSummary rename(UserId user, ChatId chat, String title) {
        return edit(user, chat, title, null);
    }

    /**
     * Renames the chat (a null title keeps it) and points an OFFICIAL_DOCS chat at other
     * document sets (a null scope keeps them): one versioned write, so every instance's
     * cache sees it. The next question is answered from the new scope; the history stays.
     */
    public ChatSummary edit(UserId user, ChatId chat, String title, DocumentScope scope) {
        tx.executeWithoutResult(status -> {
            Category category = chats.lockedCategory(user, chat).orElseThrow(() -> noSuchChat(chat));
            if (scope != null && category != Category.OFFICIAL_DOCS) {
                throw Problem.invalid(scope.allSets() ? "allDocuments" : "documentId",
                        "only an OFFICIAL_DOCS chat answers from document sets");
            }
            chats.edit(chat, title, scope);
        });
        publish(user, chat);
        return summary(user, chat);
    }

    public void delete(UserId user, ChatId chat) {
        Boolean deleted = tx.execute(status -> {
            boolean found = chats.delete(user, chat);
            if (found) {
                events.publishEvent(new ChatDeleted(user, chat));
            }
            return found;
        });
        if (!Boolean.TRUE.equals(deleted)) {
            throw noSuchChat(chat);
        }
        cache.deleted(user, chat);
    }

    /**
     * Creates a chat with its first message and holds its generation lease, in one
     * transaction.
     */
    public Started start(UserId user, Category category, UUID documentId, String title, String message,
            UUID generation) {
        ChatId chat = new ChatId(dev.docent.shared.id.Ids.newUuid7());
        Instant now = now();
        MessageView first = tx.execute(status -> {
            chats.create(chat, user, title, category, documentId, now);
            chats.beginGeneration(user, chat, generation, now, now);
            return chats.append(chat, MessageView.USER, message, List.of(), false, now);
        });
        publish(user, chat);
        return new Started(summary(user, chat), first);
    }

    /**
     * Takes the chat's generation lease (409 when another turn runs) and appends the
     * user's message.
     */
    public MessageView appendUserMessage(UserId user, ChatId chat, String message, UUID generation, Duration lease) {
        Instant now = now();
        MessageView saved = tx.execute(status -> {
            interruptAbandoned(user, chat, now.minus(lease), now);
            lease(user, chat, generation, now, lease);
            return chats.append(chat, MessageView.USER, message, List.of(), false, now);
        });
        publish(user, chat);
        return saved;
    }

    /**
     * Takes the chat's generation lease (409 when another turn runs) to answer the last
     * question again: {@code message} is the last message of the visible path, its answer
     * or a question left unanswered. Returns the question. Nothing visible changes until
     * the new answer is saved, as a new version beside the earlier one.
     */
    public MessageView beginRegeneration(UserId user, ChatId chat, UUID message, UUID generation, Duration lease) {
        Instant now = now();
        return tx.execute(status -> {
            lease(user, chat, generation, now, lease);
            MessageView last = chats.lastVisible(chat).orElseThrow(() -> noSuchMessage(chat, message));
            if (!last.id().equals(message)) {
                // any version of this chat's messages, shown or not: an earlier version
                // is
                // not the last answer either, and it exists
                chats.message(chat, message).orElseThrow(() -> noSuchMessage(chat, message));
                throw Problem.conflict("not-the-last-answer", "Only the conversation's last answer can be regenerated");
            }
            if (last.role().equals(MessageView.USER)) {
                return last;
            }
            return chats.newestFirst(chat, last.seq(), 1)
                .stream()
                .filter(question -> question.role().equals(MessageView.USER))
                .findFirst()
                .orElseThrow(() -> Problem.conflict("not-the-last-answer", "This answer follows no question"));
        });
    }

    /**
     * Takes the chat's generation lease (409 when another turn runs) and stores a new
     * version of a question on the visible path; what followed the earlier version stays
     * on its branch.
     */
    public MessageView editUserMessage(UserId user, ChatId chat, UUID message, String content, UUID generation,
            Duration lease) {
        Instant now = now();
        MessageView saved = tx.execute(status -> {
            lease(user, chat, generation, now, lease);
            return chats.edit(chat, message, content, now);
        });
        publish(user, chat);
        return saved;
    }

    /**
     * Shows another version of a message (and, below it, the versions last chosen on its
     * branch). Refused with 409 while an answer is being generated in the chat.
     */
    public Json selectVersion(UserId user, ChatId chat, UUID message, Duration lease) {
        Instant now = now();
        tx.executeWithoutResult(status -> {
            if (!chats.claimIdle(user, chat, now.minus(lease))) {
                throw chats.owns(user, chat) ? generationRunning() : noSuchChat(chat);
            }
            chats.select(chat, message);
        });
        return publish(user, chat).map(body -> new Json(body, false)).orElseGet(() -> chatFromDatabase(user, chat));
    }

    /**
     * Saves the answer to {@code question} and releases the lease, in one transaction. An
     * earlier answer to the same question stays as an earlier version.
     */
    public MessageView appendAnswer(UserId user, ChatId chat, UUID generation, UUID question, String content,
            List<Source> sources, boolean interrupted) {
        MessageView saved = tx.execute(status -> {
            MessageView message = chats.answer(chat, question, content, sources, interrupted, now());
            chats.endGeneration(chat, generation);
            return message;
        });
        publish(user, chat);
        return saved;
    }

    /**
     * An answer whose instance died mid-way (its lease went unrenewed): its question gets
     * an empty answer marked interrupted, as a stopped one does, and the chat is free.
     * True when there was one.
     */
    private boolean interruptAbandoned(UserId user, ChatId chat, Instant staleBefore, Instant now) {
        Optional<UUID> abandoned = chats.staleGeneration(user, chat, staleBefore);
        abandoned.ifPresent(generation -> {
            chats.lastVisible(chat)
                .filter(last -> last.role().equals(MessageView.USER))
                .ifPresent(question -> chats.answer(chat, question.id(), "", List.of(), true, now));
            chats.endGeneration(chat, generation);
        });
        return abandoned.isPresent();
    }

    private void lease(UserId user, ChatId chat, UUID generation, Instant now, Duration lease) {
        if (!chats.beginGeneration(user, chat, generation, now, now.minus(lease))) {
            if (!chats.owns(user, chat)) {
                throw noSuchChat(chat);
            }
            throw generationRunning();
        }
    }

    private static Problem generationRunning() {
        return Problem.conflict("generation-running",
                "An answer is already being generated in this chat; wait for it or stop it");
    }

    private static Problem noSuchMessage(ChatId chat, UUID message) {
        return Problem.notFound("Message " + message + " in chat " + chat);
    }

    /**
     * Rates an answer (replacing an earlier rating): part of the chat, so it bumps the
     * version and goes through commit, then cache. Listeners hear it once it commits.
     */
    public MessageView giveFeedback(UserId user, ChatId chat, UUID message, String rating, String reason,
            String comment) {
        Feedback feedback = new Feedback(rating, reason, comment, now());
        MessageView rated = tx.execute(status -> {
            requireAnswer(user, chat, message);
            chats.setFeedback(user, chat, message, feedback);
            events.publishEvent(new FeedbackChanged(user, chat, message, feedback));
            return chats.message(chat, message).orElseThrow();
        });
        publish(user, chat);
        return rated;
    }

    /** Withdraws the user's rating of an answer; nothing changes when there was none. */
    public void withdrawFeedback(UserId user, ChatId chat, UUID message) {
        Boolean changed = tx.execute(status -> {
            requireAnswer(user, chat, message);
            if (!chats.clearFeedback(user, message)) {
                status.setRollbackOnly();
                return false;
            }
            events.publishEvent(new FeedbackChanged(user, chat, message, null));
            return true;
        });
        if (Boolean.TRUE.equals(changed)) {
            publish(user, chat);
        }
    }

    /**
     * Takes the chat's row lock (bumping its version) and checks the message is an answer
     * in it.
     */
    private void requireAnswer(UserId user, ChatId chat, UUID message) {
        if (!chats.touch(user, chat)) {
            throw noSuchChat(chat);
        }
        MessageView found = chats.message(chat, message)
            .orElseThrow(() -> Problem.notFound("Message " + message + " in chat " + chat));
        if (!MessageView.ASSISTANT.equals(found.role())) {
            throw Problem.invalid("messageId", "feedback is for the assistant's answers, not for questions");
        }
    }

    /** Releases the lease without an answer (the model failed before saying anything). */
    public void release(ChatId chat, UUID generation) {
        chats.endGeneration(chat, generation);
    }

    public boolean stopRequested(ChatId chat, UUID generation) {
        return chats.stopRequested(chat, generation);
    }

    /**
     * Asks the running generation to stop, whichever instance runs it; false when none
     * runs. A generation whose lease went unrenewed for {@code lease} died with its
     * instance: its question is marked interrupted and the chat freed at once.
     */
    public boolean requestStop(UserId user, ChatId chat, Duration lease) {
        requireOwned(user, chat);
        Instant now = now();
        if (Boolean.TRUE.equals(tx.execute(status -> interruptAbandoned(user, chat, now.minus(lease), now)))) {
            publish(user, chat);
            return true;
        }
        return chats.requestStop(user, chat);
    }

    /** Keeps a running generation's lease. */
    public void renewLease(ChatId chat, UUID generation) {
        chats.renewLease(chat, generation, now());
    }

    /** Loads the user's index and most recent chats into the cache. */
    public void warm(UserId user) {
        list(user, null, settings.warmChats());
        chats.page(user, null, settings.warmChats()).forEach(s -> chat(user, new ChatId(s.id())));
    }

    private void requireOwned(UserId user, ChatId chat) {
        if (!chats.owns(user, chat)) {
            throw noSuchChat(chat);
        }
    }

    /** Returns the chat's JSON as published, or empty when it could not be read. */
    private Optional<byte[]> publish(UserId user, ChatId chat) {
        try {
            Optional<Chats.Versioned<ChatView>> view = chats.view(user, chat, settings.embeddedMessages());
            Optional<Chats.Versioned<ChatSummary>> summary = chats.summary(user, chat);
            if (view.isEmpty() || summary.isEmpty()) {
                cache.deleted(user, chat);
                return Optional.empty();
            }
            byte[] body = json.writeValueAsBytes(view.get().value());
            cache.changed(user, chat, view.get().version(), body, indexEntry(summary.get()));
            return Optional.of(body);
        }
        catch (RuntimeException e) {
            log.warn("Could not refresh the cached state of chat {}", chat, e);
            return Optional.empty();
        }
    }

    private static Problem noSuchChat(ChatId chat) {
        return Problem.notFound("Chat " + chat);
    }

    /** For pages served without filling the index: their versions are never compared. */
    private HistoryCache.IndexEntry unversionedEntry(ChatSummary summary) {
        return indexEntry(new Chats.Versioned<>(summary, 0));
    }

    private HistoryCache.IndexEntry indexEntry(Chats.Versioned<ChatSummary> summary) {
        ChatSummary s = summary.value();
        return new HistoryCache.IndexEntry(ListCursor.of(s).member(), summary.version(), json.writeValueAsBytes(s));
    }

    private static byte[] pageJson(List<HistoryCache.IndexEntry> entries, int limit) {
        boolean more = entries.size() > limit;
        List<HistoryCache.IndexEntry> shown = more ? entries.subList(0, limit) : entries;
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + shown.size() * 320);
        body.writeBytes(ITEMS);
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(shown.get(i).json());
        }
        String next = more ? "\"" + ListCursor.fromMember(shown.getLast().member()).encode() + "\"" : "null";
        body.writeBytes(("],\"nextCursor\":" + next + "}").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
