-- Runs on PostgreSQL 15+ and on H2 (MODE=PostgreSQL): keep to the common dialect.

-- Versions of a message (regenerate, edit and resend) are siblings: messages with the same parent.
-- parent_id:  the message this one follows (null for a chat's first message).
-- version_no: 1, 2, ... among its siblings, in the order they were written.
-- selected:   the sibling chosen among its versions (remembered on paths that are not shown).
-- visible:    on the conversation's visible path; seq is the position on that path.
alter table messages add column parent_id uuid;
alter table messages add column version_no integer not null default 1;
alter table messages add column selected boolean not null default true;
alter table messages add column visible boolean not null default true;
update messages m set parent_id = (select p.id from messages p where p.chat_id = m.chat_id and p.seq = m.seq - 1);
alter table messages drop constraint messages_chat_seq;
create index messages_path on messages (chat_id, visible, seq);
create index messages_siblings on messages (chat_id, parent_id);

-- Read-only links to a snapshot of a chat; deleting the chat (or its owner) ends them.
create table shares (
    token      varchar(64) primary key,
    chat_id    uuid not null references chats (id) on delete cascade,
    user_id    uuid not null references accounts (id) on delete cascade,
    title      varchar(200) not null,
    snapshot   varchar(1000000) not null,
    created_at timestamp with time zone not null
);
create index shares_by_user on shares (user_id, created_at desc);
