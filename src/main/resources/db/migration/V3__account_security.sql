-- Runs on PostgreSQL 15+ and on H2 (MODE=PostgreSQL): keep to the common dialect.

-- operator_managed: the account DOCENT_ADMIN_USERNAME names (at most one), so that renaming it demotes this one.
-- token_generation: access tokens carry the generation they were issued in; bumping it ends them all.
alter table accounts add column operator_managed boolean not null default false;
alter table accounts add column token_generation bigint not null default 0;

-- Access tokens that must stop working before they expire, read by every instance every second:
-- a logged-out or stolen session (family_id), or every token of an account older than a generation.
create table token_revocations (
    id          bigint generated always as identity primary key,
    family_id   uuid,
    account_id  uuid,
    generation  bigint,
    expires_at  timestamp with time zone not null,
    created_at  timestamp with time zone not null
);
create index token_revocations_created on token_revocations (created_at);

create index refresh_tokens_account on refresh_tokens (account_id);
