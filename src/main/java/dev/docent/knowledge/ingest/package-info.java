/**
 * Step 3: an ingest as a whole (names checked, files parsed, chunked, embedded and
 * stored), from the command line, an upload or the sample guide.
 */
package dev.docent.knowledge.ingest;
