/**
 * The Lucene index, plain Java: BM25 and HNSW search over passages, its analyzer and
 * document layout.
 */
package dev.docent.knowledge.index;
