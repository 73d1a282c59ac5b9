-- The knowledge base. Runs on PostgreSQL 15+ and on H2 (MODE=PostgreSQL): keep to the common dialect.
-- Chunks and their embeddings live here (the source of truth); every instance's Lucene index is a replica
-- that re-reads a document whenever its revision differs from the one it indexed.

create table documents (
    id              uuid primary key,
    slug            varchar(64)  not null unique,
    title           varchar(200) not null,
    base_url        varchar(1000),
    embedding_model varchar(200) not null,
    revision        bigint  not null default 0,
    page_count      integer not null default 0,
    chunk_count     integer not null default 0,
    ingested_at     timestamp with time zone,
    created_at      timestamp with time zone not null
);

create table pages (
    id          uuid primary key,
    document_id uuid not null references documents (id) on delete cascade,
    path        varchar(1000) not null,
    title       varchar(500)  not null,
    checksum    varchar(64)   not null,
    constraint pages_document_path unique (document_id, path)
);

-- embedding: the passage's vector as little-endian float32s, made by documents.embedding_model.
create table chunks (
    id          uuid primary key,
    document_id uuid not null references documents (id) on delete cascade,
    page_id     uuid not null references pages (id) on delete cascade,
    position    integer not null,
    section     varchar(500)  not null,
    url         varchar(2000) not null,
    text        varchar(100000) not null,
    embedding   bytea not null
);
create index chunks_by_document on chunks (document_id);
create index chunks_by_page on chunks (page_id);

create table ingestion_jobs (
    id          uuid primary key,
    document_id uuid,
    slug        varchar(64) not null,
    state       varchar(16) not null,
    pages_done  integer not null default 0,
    pages_total integer not null default 0,
    passages    integer not null default 0,
    skipped     varchar(20000),
    error       varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
