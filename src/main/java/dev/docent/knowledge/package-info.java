/**
 * Documents and their retrieval. This package is the module's API (KnowledgeBase,
 * Retrieval, the passage and document views, the events); the sub-packages are the
 * pipeline, in order: parse, chunk, ingest (upload), store, index, replica, retrieve, and
 * the commands in cli.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "llm" })
package dev.docent.knowledge;
