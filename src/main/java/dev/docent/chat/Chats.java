package dev.docent.chat;

import dev.docent.chat.paging.ListCursor;
import dev.docent.shared.ChatId;
import dev.docent.shared.Problem;
import dev.docent.shared.UserId;
import dev.docent.shared.id.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chats and messages in the database: the source of truth. Every visible change bumps
 * {@code version}.
 */
@Repository
class Chats {

    record Versioned<T>(T value, long version) {
    }

    record Owned(UUID user, UUID chat) {
    }

    private static final String SUMMARY_COLUMNS = "id, title, category, document_id, updated_at, message_count, preview, version";

    /** Messages with the chat owner's feedback on them. */
    private static final String MESSAGES = """
            select m.*, f.rating as f_rating, f.reason as f_reason, f.comment as f_comment,
                   f.updated_at as f_updated_at
            from messages m join chats c on c.id = m.chat_id
            left join message_feedback f on f.message_id = m.id and f.user_id = c.user_id""";

    private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JsonMapper json;

    Chats(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(ChatId id, UserId user, String title, Category category, UUID documentId, Instant now) {
        jdbc.sql("""
                insert into chats (id, user_id, title, category, document_id, created_at, updated_at, version,
                                   message_count, preview)
                values (?, ?, ?, ?, ?, ?, ?, 1, 0, '')""")
            .params(id.value(), user.value(), title, category.name(), documentId, ts(now), ts(now))
            .update();
    }

    /**
     * Appends after the last message of the visible path, under the chat's row lock, so
     * {@code seq} stays gapless along the path. Call inside a transaction.
     */
    MessageView append(ChatId chat, String role, String content, List<Source> sources, boolean interrupted,
            Instant now) {
        lock(chat, now);
        Optional<PathStep> last = jdbc.sql(
                "select id, parent_id, seq, role from messages where chat_id = ? and visible order by seq desc limit 1")
            .param(chat.value())
            .query(Chats::step)
            .optional();
        return insertVersion(chat, last.map(PathStep::id).orElse(null), last.map(PathStep::seq).orElse(0) + 1, role,
                content, sources, interrupted, now);
    }

    /**
     * The answer to {@code question}, a message on the visible path: a new version of the
     * answer that followed it, if any, which stays as an earlier version. Call inside a
     * transaction.
     */
    MessageView answer(ChatId chat, UUID question, String content, List<Source> sources, boolean interrupted,
            Instant now) {
        lock(chat, now);
        PathStep asked = visibleStep(chat, question)
            .orElseThrow(() -> Problem.notFound("Chat " + chat + " (its question was replaced while answering)"));
        return insertVersion(chat, asked.id(), asked.seq() + 1, MessageView.ASSISTANT, content, sources, interrupted,
                now);
    }

    /**
     * A new version of a user message on the visible path: the path now ends with it;
     * what followed the earlier version is kept on that version's branch. Call inside a
     * transaction.
     */
    MessageView edit(ChatId chat, UUID message, String content, Instant now) {
        lock(chat, now);
        PathStep edited = visibleStep(chat, message).filter(step -> step.role().equals(MessageView.USER))
            .orElseThrow(() -> Problem.invalid("messageId", "is not a question in this conversation"));
        return insertVersion(chat, edited.parentId(), edited.seq(), MessageView.USER, content, List.of(), false, now);
    }

    /**
     * Shows {@code message}, a version of a message on the visible path, and below it the
     * versions that were chosen on its branch last time. Call inside a transaction, after
     * {@link #claimIdle}.
     */
    void select(ChatId chat, UUID message) {
        PathStep chosen = jdbc.sql("select id, parent_id, seq, role from messages where chat_id = ? and id = ?")
            .params(chat.value(), message)
            .query(Chats::step)
            .optional()
            .orElseThrow(() -> Problem.notFound("Message " + message + " in chat " + chat));
        if (chosen.parentId() != null && visibleStep(chat, chosen.parentId()).isEmpty()) {
            throw Problem.invalid("messageId", "is not a version of a message in this conversation");
        }
        deselectSiblings(chat, chosen.parentId());
        jdbc.sql("update messages set selected = true where id = ?").param(chosen.id()).update();
        jdbc.sql("update messages set visible = false where chat_id = ? and visible and seq >= ?")
            .params(chat.value(), chosen.seq())
            .update();
        Map<UUID, UUID> selectedChild = new HashMap<>();
        jdbc.sql("select id, parent_id from messages where chat_id = ? and seq > ? and selected")
            .params(chat.value(), chosen.seq())
            .query((rs, row) -> selectedChild.put(rs.getObject("parent_id", UUID.class),
                    rs.getObject("id", UUID.class)))
            .list();
        List<UUID> path = new ArrayList<>();
        for (UUID step = chosen.id(); step != null; step = selectedChild.get(step)) {
            path.add(step);
        }
        for (UUID step : path) {
            jdbc.sql("update messages set visible = true where id = ?").param(step).update();
        }
        refreshPath(chat);
    }

    /**
     * Bumps the chat's version when no answer is being generated in it (or its lease is
     * stale): true when it was bumped.
     */
    boolean claimIdle(UserId user, ChatId chat, Instant staleBefore) {
        return jdbc.sql("""
                update chats set version = version + 1
                where id = ? and user_id = ? and (generation_id is null or generation_started_at < ?)""")
            .params(chat.value(), user.value(), ts(staleBefore))
            .update() == 1;
    }

    /** The message at the end of the visible path, if any. */
    Optional<MessageView> lastVisible(ChatId chat) {
        return newestFirst(chat, Integer.MAX_VALUE, 1).stream().findFirst();
    }

    Optional<MessageView> visibleMessage(ChatId chat, UUID message) {
        return jdbc.sql(MESSAGES + " where m.chat_id = ? and m.id = ? and m.visible")
            .params(chat.value(), message)
            .query(this::message)
            .list()
            .stream()
            .findFirst()
            .map(found -> withVersions(chat, List.of(found)).getFirst());
    }

    private void lock(ChatId chat, Instant now) {
        int updated = jdbc.sql("update chats set version = version + 1, updated_at = ? where id = ?")
            .params(ts(now), chat.value())
            .update();
        if (updated == 0) {
            throw Problem.notFound("Chat " + chat + " (deleted while it was being answered)");
        }
    }

    private MessageView insertVersion(ChatId chat, UUID parent, int seq, String role, String content,
            List<Source> sources, boolean interrupted, Instant now) {
        jdbc.sql("update messages set visible = false where chat_id = ? and visible and seq >= ?")
            .params(chat.value(), seq)
            .update();
        int version = deselectSiblings(chat, parent) + 1;
        UUID id = Ids.newUuid7();
        jdbc.sql("""
                insert into messages (id, chat_id, seq, role, content, sources, interrupted, created_at, parent_id,
                                      version_no, selected, visible)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, true)""")
            .params(id, chat.value(), seq, role, content, json.writeValueAsString(sources), interrupted, ts(now),
                    parent, version)
            .update();
        refreshPath(chat);
        return withVersions(chat, List.of(new MessageView(id, seq, role, content, sources, interrupted, now)))
            .getFirst();
    }

    /**
     * Unselects the versions under {@code parent}; returns the highest version number.
     */
    private int deselectSiblings(ChatId chat, UUID parent) {
        String under = parent == null ? "parent_id is null" : "parent_id = ?";
        List<Object> params = parent == null ? List.of(chat.value()) : List.of(chat.value(), parent);
        jdbc.sql("update messages set selected = false where chat_id = ? and " + under).params(params).update();
        return jdbc.sql("select coalesce(max(version_no), 0) from messages where chat_id = ? and " + under)
            .params(params)
            .query(Integer.class)
            .single();
    }

    /** The chat's message count and preview follow its visible path. */
    private void refreshPath(ChatId chat) {
        Optional<MessageView> last = lastVisibleRow(chat);
        jdbc.sql("update chats set message_count = ?, preview = ? where id = ?")
            .params(last.map(MessageView::seq).orElse(0), last.map(m -> preview(m.content())).orElse(""), chat.value())
            .update();
    }

    private Optional<MessageView> lastVisibleRow(ChatId chat) {
        return jdbc.sql(MESSAGES + " where m.chat_id = ? and m.visible order by m.seq desc limit 1")
            .param(chat.value())
            .query(this::message)
            .optional();
    }

    private Optional<PathStep> visibleStep(ChatId chat, UUID message) {
        return jdbc.sql("select id, parent_id, seq, role from messages where chat_id = ? and id = ? and visible")
            .params(chat.value(), message)
            .query(Chats::step)
            .optional();
    }

    /**
     * Fills in each message's versions: its siblings (same parent, so the same position),
     * in the order they were written.
     */
    private List<MessageView> withVersions(ChatId chat, List<MessageView> messages) {
        if (messages.isEmpty()) {
            return messages;
        }
        int from = messages.stream().mapToInt(MessageView::seq).min().orElseThrow();
        int to = messages.stream().mapToInt(MessageView::seq).max().orElseThrow();
        Map<UUID, UUID> parentOf = new HashMap<>();
        Map<UUID, List<UUID>> byParent = new HashMap<>();
        UUID root = new UUID(0, 0);
        jdbc.sql("""
                select id, parent_id from messages where chat_id = ? and seq between ? and ?
                order by version_no, created_at""").params(chat.value(), from, to).query((rs, row) -> {
            UUID id = rs.getObject("id", UUID.class);
            UUID parent = rs.getObject("parent_id", UUID.class);
            parentOf.put(id, parent == null ? root : parent);
            byParent.computeIfAbsent(parent == null ? root : parent, p -> new ArrayList<>()).add(id);
            return id;
        }).list();
        return messages.stream().map(message -> {
            List<UUID> siblings = byParent.getOrDefault(parentOf.get(message.id()), List.of(message.id()));
            return message.withVersions(siblings.indexOf(message.id()) + 1, List.copyOf(siblings));
        }).toList();
    }

    private record PathStep(UUID id, UUID parentId, int seq, String role) {
    }

    private static PathStep step(ResultSet rs, int row) throws SQLException {
        return new PathStep(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getInt("seq"),
                rs.getString("role"));
    }

    boolean owns(UserId user, ChatId chat) {
        return jdbc.sql("select count(*) from chats where id = ? and user_id = ?")
            .params(chat.value(), user.value())
            .query(Integer.class)
            .single() == 1;
    }

    /**
     * The chat row first, then its messages: never a query inside another's result set
     * (pool deadlock).
     */
    Optional<Versioned<ChatView>> view(UserId user, ChatId chat, int maxMessages) {
        Optional<Versioned<ChatView>> head = jdbc.sql("select * from chats where id = ? and user_id = ?")
            .params(chat.value(), user.value())
            .query((rs, row) -> new Versioned<>(new ChatView(chat.value(), rs.getString("title"),
                    Category.valueOf(rs.getString("category")), rs.getObject("document_id", UUID.class),
                    instant(rs, "created_at"), instant(rs, "updated_at"), List.of(), false), rs.getLong("version")))
            .optional();
        return head.map(found -> {
            List<MessageView> recent = newestFirst(chat, Integer.MAX_VALUE, maxMessages + 1);
            boolean hasMore = recent.size() > maxMessages;
            List<MessageView> shown = new ArrayList<>(recent.subList(0, Math.min(maxMessages, recent.size())));
            Collections.reverse(shown);
            ChatView view = found.value();
            return new Versioned<>(new ChatView(view.id(), view.title(), view.category(), view.documentId(),
                    view.createdAt(), view.updatedAt(), List.copyOf(shown), hasMore), found.version());
        });
    }

    Optional<Versioned<ChatSummary>> summary(UserId user, ChatId chat) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from chats where id = ? and user_id = ?")
            .params(chat.value(), user.value())
            .query(Chats::versionedSummary)
            .optional();
    }

    List<Versioned<ChatSummary>> allSummaries(UserId user) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from chats where user_id = ? order by updated_at desc, id desc")
            .param(user.value())
            .query(Chats::versionedSummary)
            .list();
    }

    /**
     * One page of the list, {@code limit + 1} rows so the caller can tell whether more
     * follow.
     */
    List<ChatSummary> page(UserId user, ListCursor after, int limit) {
        return summariesAfter(user, after, limit, "", List.of());
    }

    /**
     * Chats whose title or any message contains {@code text}, case-insensitively; a page
     * as {@link #page}.
     */
    List<ChatSummary> search(UserId user, String text, ListCursor after, int limit) {
        String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return summariesAfter(user, after, limit, " and (lower(c.title) like ? escape '\\' or exists (select 1"
                + " from messages m where m.chat_id = c.id and m.visible and lower(m.content) like ? escape '\\'))",
                List.of(pattern, pattern));
    }

    private List<ChatSummary> summariesAfter(UserId user, ListCursor after, int limit, String condition,
            List<Object> conditionParams) {
        String position = after == null ? "" : " and (c.updated_at < ? or (c.updated_at = ? and c.id < ?))";
        var spec = jdbc
            .sql("select " + SUMMARY_COLUMNS.replaceAll("(\\w+)", "c.$1") + " from chats c" + " where c.user_id = ?"
                    + position + condition + " order by c.updated_at desc, c.id desc limit ?")
            .param(user.value());
        if (after != null) {
            spec = spec.param(ts(after.updatedAt())).param(ts(after.updatedAt())).param(after.chatId());
        }
        for (Object param : conditionParams) {
            spec = spec.param(param);
        }
        return spec.param(limit + 1).query((rs, row) -> versionedSummary(rs, row).value()).list();
    }

    /** Messages with {@code seq < beforeSeq}, newest first. */
    List<MessageView> newestFirst(ChatId chat, int beforeSeq, int limit) {
        return withVersions(chat,
                jdbc.sql(MESSAGES + " where m.chat_id = ? and m.visible and m.seq < ? order by m.seq desc limit ?")
                    .params(chat.value(), beforeSeq, limit)
                    .query(this::message)
                    .list());
    }

    /** The visible path, oldest first. */
    List<MessageView> allMessages(ChatId chat) {
        return withVersions(chat,
                jdbc.sql(MESSAGES + " where m.chat_id = ? and m.visible order by m.seq")
                    .param(chat.value())
                    .query(this::message)
                    .list());
    }

    Optional<MessageView> message(ChatId chat, UUID message) {
        return jdbc.sql(MESSAGES + " where m.chat_id = ? and m.id = ?")
            .params(chat.value(), message)
            .query(this::message)
            .optional();
    }

    /**
     * Bumps the chat's version under its row lock, so feedback writes on one chat take
     * turns; false when the user has no such chat. Call inside a transaction.
     */
    boolean touch(UserId user, ChatId chat) {
        return jdbc.sql("update chats set version = version + 1 where id = ? and user_id = ?")
            .params(chat.value(), user.value())
            .update() == 1;
    }

    void setFeedback(UserId user, ChatId chat, UUID message, Feedback feedback) {
        clearFeedback(user, message);
        jdbc.sql("""
                insert into message_feedback (message_id, user_id, chat_id, rating, reason, comment, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(message, user.value(), chat.value(), feedback.rating(), feedback.reason(), feedback.comment(),
                    ts(feedback.updatedAt()))
            .update();
    }

    boolean clearFeedback(UserId user, UUID message) {
        return jdbc.sql("delete from message_feedback where message_id = ? and user_id = ?")
            .params(message, user.value())
            .update() > 0;
    }

    /** Chats last updated before {@code before}, oldest first. */
    List<Owned> updatedBefore(Instant before, int limit) {
        return jdbc.sql("select user_id, id from chats where updated_at < ? order by updated_at limit ?")
            .params(ts(before), limit)
            .query((rs, row) -> new Owned(rs.getObject("user_id", UUID.class), rs.getObject("id", UUID.class)))
            .list();
    }

    /**
     * Takes the chat's row lock; empty when the user has no such chat. Call inside a
     * transaction.
     */
    Optional<Category> lockedCategory(UserId user, ChatId chat) {
        return jdbc.sql("select category from chats where id = ? and user_id = ? for update")
            .params(chat.value(), user.value())
            .query((rs, row) -> Category.valueOf(rs.getString("category")))
            .optional();
    }

    /** A new title (null keeps it) and document scope (null keeps it), as one version. */
    void edit(ChatId chat, String title, DocumentScope scope) {
        jdbc.sql("""
                update chats set title = coalesce(cast(? as varchar), title),
                                 document_id = case when cast(? as boolean) then cast(? as uuid) else document_id end,
                                 version = version + 1
                where id = ?""")
            .params(title, scope != null, scope == null ? null : scope.documentId(), chat.value())
            .update();
    }

    /** The chats of {@code owners} last updated before {@code before}. */
    List<Owned> ofOwnersUpdatedBefore(Collection<UUID> owners, Instant before) {
        return jdbc.sql("select user_id, id from chats where user_id in (:owners) and updated_at < :before")
            .param("owners", owners)
            .param("before", ts(before))
            .query((rs, row) -> new Owned(rs.getObject("user_id", UUID.class), rs.getObject("id", UUID.class)))
            .list();
    }

    /** Those of {@code owners} who own a chat. */
    Set<UUID> owning(Collection<UUID> owners) {
        return Set.copyOf(jdbc.sql("select distinct user_id from chats where user_id in (:owners)")
            .param("owners", owners)
            .query(UUID.class)
            .list());
    }

    boolean delete(UserId user, ChatId chat) {
        return jdbc.sql("delete from chats where id = ? and user_id = ?")
            .params(chat.value(), user.value())
            .update() == 1;
    }

    boolean beginGeneration(UserId user, ChatId chat, UUID generation, Instant now, Instant staleBefore) {
        return jdbc.sql("""
                update chats set generation_id = ?, generation_started_at = ?, stop_requested = false
                where id = ? and user_id = ? and (generation_id is null or generation_started_at < ?)""")
            .params(generation, ts(now), chat.value(), user.value(), ts(staleBefore))
            .update() == 1;
    }

    /** Keeps the generation's lease: it counts from now. */
    void renewLease(ChatId chat, UUID generation, Instant now) {
        jdbc.sql("update chats set generation_started_at = ? where id = ? and generation_id = ?")
            .params(ts(now), chat.value(), generation)
            .update();
    }

    /**
     * The generation holding the chat whose lease was last renewed before
     * {@code staleBefore}: its instance died mid-answer. Locks the chat's row.
     */
    Optional<UUID> staleGeneration(UserId user, ChatId chat, Instant staleBefore) {
        return jdbc.sql("""
                select generation_id from chats
                where id = ? and user_id = ? and generation_id is not null and generation_started_at < ?
                for update""").params(chat.value(), user.value(), ts(staleBefore)).query(UUID.class).optional();
    }

    void endGeneration(ChatId chat, UUID generation) {
        jdbc.sql("""
                update chats set generation_id = null, generation_started_at = null, stop_requested = false
                where id = ? and generation_id = ?""").params(chat.value(), generation).update();
    }

    boolean requestStop(UserId user, ChatId chat) {
        return jdbc
            .sql("update chats set stop_requested = true where id = ? and user_id = ? and generation_id is not null")
            .params(chat.value(), user.value())
            .update() == 1;
    }

    /**
     * True when a stop was asked for, or when the lease is gone (the chat was deleted, or
     * the lease taken over).
     */
    boolean stopRequested(ChatId chat, UUID generation) {
        return jdbc.sql("select stop_requested from chats where id = ? and generation_id = ?")
            .params(chat.value(), generation)
            .query(Boolean.class)
            .optional()
            .orElse(true);
    }

    private MessageView message(ResultSet rs, int row) throws SQLException {
        String sources = rs.getString("sources");
        return new MessageView(rs.getObject("id", UUID.class), rs.getInt("seq"), rs.getString("role"),
                rs.getString("content"), sources == null ? List.of() : json.readValue(sources, SOURCES),
                rs.getBoolean("interrupted"), instant(rs, "created_at"), feedback(rs));
    }

    private static Feedback feedback(ResultSet rs) throws SQLException {
        String rating = rs.getString("f_rating");
        return rating == null ? null : new Feedback(rating, rs.getString("f_reason"), rs.getString("f_comment"),
                instant(rs, "f_updated_at"));
    }

    private static Versioned<ChatSummary> versionedSummary(ResultSet rs, int row) throws SQLException {
        return new Versioned<>(
                new ChatSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                        Category.valueOf(rs.getString("category")), rs.getObject("document_id", UUID.class),
                        instant(rs, "updated_at"), rs.getInt("message_count"), rs.getString("preview")),
                rs.getLong("version"));
    }

    static String preview(String content) {
        String flat = content.strip().replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 119) + "…";
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

}
