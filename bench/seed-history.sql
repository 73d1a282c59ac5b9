-- Chats for bench/history.sh, written straight into the app's tables (Flyway owns the schema;
-- this file creates none of it). For the account :'user_id':
--   chat 0       200 messages (the oldest chat, so a 50-chat list page is chats 1..50)
--   chats 1..50   20 messages each
-- Messages alternate user/assistant, seq 1..n gapless, ~300 characters of text each. The text is a
-- function of (chat number, seq) only, so every run seeds the same words; ids are random uuids.
--
--   psql -X -v ON_ERROR_STOP=1 -v user_id=<uuid> -f bench/seed-history.sql
\set ON_ERROR_STOP on

begin;

create temporary table bench_seed_chats on commit drop as
select n,
       gen_random_uuid() as id,
       case when n = 0 then 200 else 20 end as message_count,
       -- one hour apart, so updated_at (the last message's time) differs per chat
       date_trunc('milliseconds', now() - interval '60 days') + n * interval '1 hour' as created_at
from generate_series(0, 50) as n;

create temporary table bench_seed_messages on commit drop as
with vocab(words) as (
    select array['the', 'a', 'server', 'request', 'response', 'cache', 'chat', 'message', 'history',
                 'document', 'section', 'index', 'query', 'token', 'user', 'assistant', 'returns',
                 'configure', 'property', 'default', 'value', 'timeout', 'connection', 'pool', 'read',
                 'write', 'database', 'redis', 'key', 'expires', 'header', 'version', 'field', 'list',
                 'page', 'limit', 'order', 'recent', 'first', 'last', 'when', 'then', 'with', 'without',
                 'each', 'every', 'only', 'also', 'see', 'example', 'below', 'above', 'is', 'are', 'can',
                 'must', 'should', 'not', 'of', 'to', 'in', 'for', 'and', 'or', 'by']
), words as (
    select c.n, m.seq, w.k,
           v.words[1 + ((('x' || substr(md5(c.n || '/' || m.seq || '/' || w.k), 1, 8))::bit(32)::int
                         & 2147483647) % cardinality(v.words))]
           || case when w.k % 11 = 0 then '.' else '' end as word
    from bench_seed_chats c
    cross join lateral generate_series(1, c.message_count) as m(seq)
    cross join generate_series(1, 70) as w(k)
    cross join vocab v
), texts as (
    select n, seq, string_agg(word, ' ' order by k) as text
    from words
    group by n, seq
)
select c.id as chat_id,
       t.seq,
       case when t.seq % 2 = 1 then 'user' else 'assistant' end as role,
       -- cut at the last word boundary before 300 characters, then end the sentence
       initcap(left(t.text, 1)) || rtrim(substr(regexp_replace(left(t.text, 300), '\s+\S*$', ''), 2), '.')
           || '.' as content,
       c.created_at + t.seq * interval '41.250 seconds' as created_at
from texts t
join bench_seed_chats c on c.n = t.n;

insert into chats (id, user_id, title, category, document_id, created_at, updated_at, version,
                   message_count, preview, generation_id, generation_started_at, stop_requested)
select c.id,
       :'user_id'::uuid,
       'Bench chat ' || c.n || ': ' || left(first_msg.content, 60),
       'GENERAL',
       null,
       c.created_at,
       last_msg.created_at,
       c.message_count,
       c.message_count,
       left(last_msg.content, 120),
       null,
       null,
       false
from bench_seed_chats c
join bench_seed_messages first_msg on first_msg.chat_id = c.id and first_msg.seq = 1
join bench_seed_messages last_msg on last_msg.chat_id = c.id and last_msg.seq = c.message_count;

insert into messages (id, chat_id, seq, role, content, sources, interrupted, created_at)
select gen_random_uuid(), chat_id, seq, role, content, '[]', false, created_at
from bench_seed_messages
order by chat_id, seq;

commit;

analyze chats;
analyze messages;
