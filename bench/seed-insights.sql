-- 100,000 answered questions for bench/insights.sh, as the insights listener stores them:
-- 3 document sets of 200 pages, 2,000 clusters (a few large, most small), questions over the last
-- 90 days with outcomes and ratings in plausible proportions, one or two cited pages per answered one.
-- :questions sets how many (default 100000 from the script).
select setseed(0.42);

insert into documents (id, slug, title, embedding_model, revision, page_count, chunk_count, ingested_at, created_at)
select ('00000000-0000-7000-8000-00000000000' || d)::uuid, 'bench-set-' || d, 'Bench set ' || d, 'all-minilm-l6-v2-q',
       1, 200, 2000, now(), now()
from generate_series(1, 3) d;

insert into pages (id, document_id, path, title, checksum)
select ('00000000-0000-7000-9000-' || lpad(to_hex(d * 1000 + p), 12, '0'))::uuid,
       ('00000000-0000-7000-8000-00000000000' || d)::uuid, 'guide/page-' || p || '.html', 'Page ' || p, md5(d || '-' || p)
from generate_series(1, 3) d, generate_series(1, 200) p;

insert into insight_clusters (label, embedding_model, embedding, created_at)
select 'How do I do thing number ' || c || '?', 'all-minilm-l6-v2-q', decode(repeat('00', 1536), 'hex'),
       now() - interval '90 days'
from generate_series(1, 2000) c;

create temporary table seeded as
select gen_random_uuid() as id,
       now() - (random() * interval '90 days') as asked_at,
       1 + floor(random() * 3)::int as doc,
       -- cluster sizes fall off like a power law: a few questions are asked very often
       (select min(id) from insight_clusters) + floor(2000 * power(random(), 3))::int as cluster_id,
       random() as r_outcome,
       random() as r_rating,
       gen_random_uuid() as chat_id,
       ('00000000-0000-7000-a000-' || lpad(to_hex(floor(random() * 5000)::int), 12, '0'))::uuid as user_id,
       q
from generate_series(1, :questions) q;

insert into question_insights (id, asked_at, asked_day, document_id, cluster_id, outcome, rating, reason, chat_id,
                               user_id, question, passages)
select id, asked_at, cast(asked_at at time zone 'UTC' as date), ('00000000-0000-7000-8000-00000000000' || doc)::uuid, cluster_id,
       case when r_outcome < 0.72 then 'ANSWERED' when r_outcome < 0.92 then 'NOT_COVERED'
            when r_outcome < 0.97 then 'STOPPED' else 'FAILED' end,
       case when r_rating < 0.06 then 'up' when r_rating < 0.10 then 'down' end,
       case when r_rating >= 0.06 and r_rating < 0.10 then 'wrong' end,
       chat_id, user_id,
       'How do I do thing number ' || (cluster_id % 2000) || ', variant ' || q || '?',
       '[{"documentTitle":"Bench set ' || doc || '","page":"guide/page-' || (1 + q % 200) || '.html","section":"Usage",'
           || '"url":"guide/page-' || (1 + q % 200) || '.html#usage","snippet":"A passage that was retrieved."}]'
from seeded;

-- answered questions cite one or two pages; the first 50 pages of each set are never cited
insert into insight_citations (insight_id, asked_at, document_id, document_title, page, section, url)
select s.id, s.asked_at, ('00000000-0000-7000-8000-00000000000' || s.doc)::uuid, 'Bench set ' || s.doc,
       'guide/page-' || p.n || '.html', 'Section ' || (p.n % 7), 'guide/page-' || p.n || '.html#section-' || (p.n % 7)
from seeded s
cross join lateral (select 51 + floor(150 * power(random(), 2))::int as n
                    from generate_series(1, 1 + (s.q % 2))) p
where s.r_outcome < 0.72;

analyze question_insights;
analyze insight_citations;
analyze insight_clusters;
analyze pages;
