-- Runs on PostgreSQL 15+ and on H2 (MODE=PostgreSQL): keep to the common dialect.

-- API keys: public widget keys and secret keys for servers and agents. Only the SHA-256 of a key is stored;
-- key_prefix is its recognisable start, shown in lists. document_ids and allowed_origins are space-separated
-- (empty = every document set / no origin). Every instance re-reads the live keys every second, so a revoked
-- key (revoked_at set) stops working everywhere within about a second. request_count and last_used_at are
-- added up in memory and written in batches.
create table api_keys (
    id                          uuid primary key,
    name                        varchar(100) not null,
    kind                        varchar(10) not null,
    key_hash                    varchar(64) not null unique,
    key_prefix                  varchar(20) not null,
    document_ids                varchar(4000) not null default '',
    allowed_origins             varchar(4000) not null default '',
    read_only                   boolean not null default false,
    requests_per_minute         integer not null,
    visitor_requests_per_minute integer not null,
    created_by                  uuid,
    created_at                  timestamp with time zone not null,
    revoked_at                  timestamp with time zone,
    last_used_at                timestamp with time zone,
    request_count               bigint not null default 0
);
