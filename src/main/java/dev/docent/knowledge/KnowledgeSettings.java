package dev.docent.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The knowledge base's settings.
 *
 * @param indexDir this instance's Lucene replica (env {@code DOCENT_KNOWLEDGE_INDEX_DIR})
 * @param uploadDir where uploads wait for their ingest
 * @param sampleDocs ingest Docent's own user guide on a first start with no documents
 * @param syncInterval how often a replica checks the database for documents changed
 * elsewhere
 * @param candidates passages asked of each of BM25 and HNSW before fusion
 * @param maxUploadSize the largest upload accepted by {@code POST /documents}
 * @param maxUnpackedSize the most a zip may unpack to
 * @param maxFiles the most files one upload may hold, zip entries included
 * @param glossary a Korean → English glossary merged over the built-in one (env
 * {@code DOCENT_KNOWLEDGE_GLOSSARY}; none by default)
 */
@ConfigurationProperties("docent.knowledge")
public record KnowledgeSettings(Path indexDir, Path uploadDir, @DefaultValue("true") boolean sampleDocs,
        @DefaultValue("5s") Duration syncInterval, @DefaultValue("100") int candidates,
        @DefaultValue("100MB") DataSize maxUploadSize, @DefaultValue("1GB") DataSize maxUnpackedSize,
        @DefaultValue("20000") int maxFiles, Path glossary) {
}
