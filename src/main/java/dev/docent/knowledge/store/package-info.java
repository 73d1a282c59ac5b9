/**
 * The database truth of the knowledge base: document sets, pages, chunks and their
 * vectors (JDBC).
 */
package dev.docent.knowledge.store;
