/**
 * Ingest from the published site: a crawl from a start page or a sitemap, kept to the
 * site's host and path prefix, polite (robots.txt, a delay, a page limit), guarded
 * (private addresses refused, sizes, redirects and time limited) and incremental on a
 * re-sync (conditional GETs). Fetched pages go through the same ingest as an upload.
 */
package dev.docent.knowledge.crawl;
