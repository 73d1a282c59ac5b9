-- Answer feedback and the insights kept for documentation maintainers.
-- Runs on PostgreSQL 15+ and on H2 (MODE=PostgreSQL): keep to the common dialect.

-- One rating per user per assistant message, changeable; part of the chat as the API (and the cache) shows it.
create table message_feedback (
    message_id uuid not null references messages (id) on delete cascade,
    user_id    uuid not null references accounts (id) on delete cascade,
    chat_id    uuid not null references chats (id) on delete cascade,
    rating     varchar(8) not null,
    reason     varchar(16),
    comment    varchar(2000),
    updated_at timestamp with time zone not null,
    primary key (message_id, user_id)
);

-- Questions grouped by meaning as they are answered: a question joins the first cluster whose leader it is
-- close enough to, or leads a new one. Aggregates group by cluster, so reports never re-cluster.
-- embedding: the leader question's vector as little-endian float32s, made by embedding_model.
create table insight_clusters (
    id              bigint generated always as identity primary key,
    label           varchar(2000) not null,
    embedding_model varchar(200) not null,
    embedding       bytea not null,
    created_at      timestamp with time zone not null
);

-- One row per answered (or failed) question, written when it is answered. Past the retention period the
-- question, the chat and the asker are cleared: what stays is an aggregate (when, which set, which
-- cluster, how it went, which pages were cited).
create table question_insights (
    id          uuid primary key,
    asked_at    timestamp with time zone not null,
    asked_day   date not null,
    document_id uuid,
    cluster_id  bigint references insight_clusters (id),
    outcome     varchar(16) not null,
    rating      varchar(8),
    reason      varchar(16),
    chat_id     uuid,
    user_id     uuid,
    question    varchar(2000),
    passages    varchar(20000)
);
-- the report's aggregates read this index only (asked_day: the UTC day, so no time-zone arithmetic per row)
create index question_insights_report on question_insights (asked_day, document_id, cluster_id, outcome, rating);
create index question_insights_by_time on question_insights (asked_at);
create index question_insights_by_chat on question_insights (chat_id);

create table insight_citations (
    insight_id     uuid not null references question_insights (id) on delete cascade,
    asked_at       timestamp with time zone not null,
    document_id    uuid not null,
    document_title varchar(200) not null,
    page           varchar(1000) not null,
    section        varchar(500),
    url            varchar(2000)
);
create index insight_citations_by_time on insight_citations (asked_at, document_id);
create index insight_citations_by_page on insight_citations (document_id, page, asked_at);
create index insight_citations_by_insight on insight_citations (insight_id);

-- The key that turns a user id into a stable pseudonym on the insights pages.
create table insight_keys (
    id  integer primary key,
    secret varchar(64) not null
);
