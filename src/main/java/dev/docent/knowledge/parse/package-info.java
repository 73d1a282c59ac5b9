/**
 * Step 1 of an ingest, plain Java: a file (HTML, Markdown, PDF, text) in, a page of
 * titled sections and blocks out.
 */
package dev.docent.knowledge.parse;
