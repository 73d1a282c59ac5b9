-- Managing document sets (issue 12 §3): when each page was last stored, and the published site a set is
-- crawled from, with what each page's last fetch answered, so a re-sync asks only for what changed.
-- Runs on PostgreSQL and on H2 (MODE=PostgreSQL): keep to the common dialect.

alter table pages add column ingested_at timestamp with time zone;

-- A set ingested from its published site: where the crawl starts (a page or a sitemap) and what it keeps to.
create table crawl_sources (
    document_id    uuid primary key references documents (id) on delete cascade,
    start_url      varchar(2000),
    sitemap_url    varchar(2000),
    url_prefix     varchar(2000) not null,
    max_pages      integer not null,
    last_synced_at timestamp with time zone,
    -- when an instance last took a scheduled sync of the set, so that of several instances one runs it
    sync_claimed_at timestamp with time zone
);

-- Each page fetched by the last crawl, with the validators its server sent, for conditional GETs.
create table crawled_pages (
    document_id   uuid not null references documents (id) on delete cascade,
    path          varchar(1000) not null,
    url           varchar(2000) not null,
    etag          varchar(500),
    last_modified varchar(100),
    constraint crawled_pages_key primary key (document_id, path)
);
