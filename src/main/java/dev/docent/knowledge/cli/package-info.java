/** The one-off commands: ingest, reindex and the retrieval eval. */
package dev.docent.knowledge.cli;
