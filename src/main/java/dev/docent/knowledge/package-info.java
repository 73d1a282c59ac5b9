/** Documents and their ingestion: parsing, chunking, the search index and retrieval. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "llm"})
package dev.docent.knowledge;
