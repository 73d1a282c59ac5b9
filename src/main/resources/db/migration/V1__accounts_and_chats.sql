-- Runs on PostgreSQL 15+ and on H2 (MODE=PostgreSQL): keep to the common dialect.

create table accounts (
    id            uuid primary key,
    username      varchar(64)  not null unique,
    email         varchar(254),
    password_hash varchar(200) not null,
    role          varchar(16)  not null,
    created_at    timestamp with time zone not null
);

-- Refresh tokens are stored hashed; a family is one login's chain of rotations.
create table refresh_tokens (
    id          uuid primary key,
    family_id   uuid not null,
    account_id  uuid not null references accounts (id) on delete cascade,
    token_hash  varchar(64) not null unique,
    expires_at  timestamp with time zone not null,
    rotated_at  timestamp with time zone,
    revoked_at  timestamp with time zone,
    created_at  timestamp with time zone not null
);
create index refresh_tokens_family on refresh_tokens (family_id);

create table chats (
    id                    uuid primary key,
    user_id               uuid not null references accounts (id) on delete cascade,
    title                 varchar(200) not null,
    category              varchar(20)  not null,
    document_id           uuid,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint  not null,
    message_count         integer not null,
    preview               varchar(200),
    generation_id         uuid,
    generation_started_at timestamp with time zone,
    stop_requested        boolean not null default false
);
create index chats_by_user_recent on chats (user_id, updated_at desc, id desc);

-- One row per message: an append is one insert, never a rewrite of the conversation.
create table messages (
    id          uuid primary key,
    chat_id     uuid not null references chats (id) on delete cascade,
    seq         integer not null,
    role        varchar(16) not null,
    content     varchar(200000) not null,
    sources     varchar(200000),
    interrupted boolean not null default false,
    created_at  timestamp with time zone not null,
    constraint messages_chat_seq unique (chat_id, seq)
);

create table idempotency_keys (
    user_id     uuid not null,
    idem_key    varchar(200) not null,
    request_hash varchar(64) not null,
    status      integer,
    response    varchar(1000000),
    created_at  timestamp with time zone not null,
    primary key (user_id, idem_key)
);

-- Cache invalidations that could not reach Redis; applied before the cache is trusted again.
create table cache_invalidations (
    id         bigint generated always as identity primary key,
    user_id    uuid not null,
    chat_id    uuid,
    created_at timestamp with time zone not null
);
