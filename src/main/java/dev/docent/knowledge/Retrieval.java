package dev.docent.knowledge;

import dev.docent.knowledge.index.PassageIndex;
import dev.docent.knowledge.replica.IndexReplica;
import dev.docent.knowledge.retrieve.Glossary;
import dev.docent.knowledge.retrieve.PageRanking;
import dev.docent.knowledge.retrieve.QueryPlanner;
import dev.docent.knowledge.retrieve.RankFusion;
import dev.docent.llm.Embedder;
import dev.docent.llm.LanguageModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Finds the passages that answer a question: BM25 and HNSW vector search over this
 * instance's replica, fused by reciprocal rank, then one passage per page
 * ({@link PageRanking}). A question that follows earlier turns is made to stand alone
 * first, and a Korean one is searched in its glossary English too ({@link Glossary});
 * with a language model, a few rewrites of it (one in English when it is not) are
 * searched too and everything is fused together.
 */
@Service
public class Retrieval {

    public static final int MAX_K = 50;

    /**
     * The rank constant of the fusion. With 60, the usual choice, a passage ranked 30th
     * by both searches outscored the first of either; each search's first places are the
     * better evidence here, so they weigh more.
     */
    static final int FUSION_K = 10;

    /**
     * How many of the best pages bring further passages for the answer, and how many
     * each.
     */
    static final int FURTHER_PAGES = 3;

    static final int FURTHER_PER_PAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(Retrieval.class);

    private final IndexReplica replica;

    private final Embedder embedder;

    private final LanguageModel model;

    private final KnowledgeSettings settings;

    private final Timer timer;

    private final Glossary glossary;

    Retrieval(IndexReplica replica, Embedder embedder, LanguageModel model, KnowledgeSettings settings,
            MeterRegistry meters) {
        this.replica = replica;
        this.embedder = embedder;
        this.model = model;
        this.settings = settings;
        this.glossary = Glossary.load(settings.glossary());
        this.timer = Timer.builder("docent.retrieval")
            .description("Time to retrieve the passages for a question")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    }

    /**
     * The best {@code k} passages for a search query as typed, from one document or all
     * ({@code null}).
     */
    public List<Passage> search(String query, UUID documentId, int k) {
        return timer.record(() -> {
            List<String> queries = new ArrayList<>(List.of(query));
            glossary.inEnglish(query).ifPresent(queries::add);
            return PageRanking.rank(fused(queries, documentId), k);
        });
    }

    /**
     * The best {@code k} passages for a question of a conversation.
     * @param earlierQuestions the user's earlier questions in the chat, oldest first
     */
    public Retrieved forQuestion(String question, List<String> earlierQuestions, UUID documentId, int k) {
        return timer.record(() -> {
            List<String> queries = queries(question, earlierQuestions);
            List<RankFusion.Fused<Passage>> fused = fused(queries, documentId);
            List<Passage> ranked = PageRanking.rank(fused, k);
            return new Retrieved(queries.getFirst(), queries, ranked,
                    PageRanking.furtherOnTopPages(fused, ranked, FURTHER_PAGES, FURTHER_PER_PAGE));
        });
    }

    /**
     * What is searched: the question made to stand alone; for a Korean question, its
     * English rendering by the {@link Glossary}; then the model's rewrites when there is
     * a model. The rendering is a query of its own rather than words added to the
     * question, so that the question's own ranking still counts in the fusion.
     */
    List<String> queries(String question, List<String> earlierQuestions) {
        List<String> queries = new ArrayList<>();
        String standalone = QueryPlanner.standalone(question, earlierQuestions);
        queries.add(standalone);
        glossary.inEnglish(standalone).ifPresent(queries::add);
        if (model.available()) {
            try {
                for (String variant : QueryPlanner
                    .parseVariants(model.complete(QueryPlanner.variantsPrompt(question, earlierQuestions)))) {
                    if (!queries.contains(variant)) {
                        queries.add(variant);
                    }
                }
            }
            catch (RuntimeException e) {
                log.info("No query rewrites from the model, searching the question alone: {}", e.toString());
            }
        }
        return queries;
    }

    private List<RankFusion.Fused<Passage>> fused(List<String> queries, UUID documentId) {
        PassageIndex index = replica.index();
        List<List<Passage>> rankings = new ArrayList<>();
        for (String query : queries) {
            rankings.add(index.keywordSearch(query, documentId, settings.candidates()));
            rankings.add(index.vectorSearch(embedder.embedQuery(query), documentId, settings.candidates()));
        }
        return RankFusion.fuse(rankings, Passage::chunkId, Collections.nCopies(rankings.size(), 1.0), FUSION_K);
    }

}
