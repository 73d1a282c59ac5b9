/**
 * Insights for documentation maintainers: every documentation question is recorded when
 * it is answered (its cluster of meaning, outcome, rating and cited pages), so reports
 * are aggregates over stored rows, never a recomputation. Sub-packages: grouping (plain
 * clustering), record (the listeners), report (the queries, pseudonyms), retention, web.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "chat", "assistant", "llm" })
package dev.docent.insights;
