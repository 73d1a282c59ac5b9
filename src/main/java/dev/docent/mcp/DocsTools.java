package dev.docent.mcp;

import dev.docent.apikey.ApiKey;
import dev.docent.apikey.ApiKeys;
import dev.docent.assistant.DocsAnswers;
import dev.docent.chat.Source;
import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.knowledge.Passage;
import dev.docent.knowledge.Retrieval;
import dev.docent.llm.ModelFailure;
import dev.docent.shared.Problem;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tools a coding agent sees. Each call is counted against its key's rate limit and
 * logged; a wrong argument, a set the key may not read or a refused call comes back as an
 * error result whose text tells the agent what to do instead.
 */
@Component
public class DocsTools {

    public static final String KEY = "docent.apiKey";

    static final int MAX_QUERY_CHARS = 1000;

    static final int MAX_QUESTION_CHARS = 4000;

    static final int MAX_LIMIT = 20;

    private static final Logger log = LoggerFactory.getLogger(DocsTools.class);

    private static final Map<String, Object> DOCUMENT = Map.of("type", "string", "description",
            "Optional: limit to one documentation set, by its slug (e.g. \"python\") or id, as list_document_sets returns them. Leave out to use every set this key may read.");

    private final Retrieval retrieval;

    private final DocsAnswers answers;

    private final KnowledgeBase knowledge;

    private final ApiKeys keys;

    DocsTools(Retrieval retrieval, DocsAnswers answers, KnowledgeBase knowledge, ApiKeys keys) {
        this.retrieval = retrieval;
        this.answers = answers;
        this.knowledge = knowledge;
        this.keys = keys;
    }

    public List<SyncToolSpecification> specifications() {
        return List.of(tool("search_docs", """
                Search the official documentation indexed in Docent and return the most relevant passages, \
                best first, each with its page, section, URL and text. Use it to look up exact API details, \
                options, parameters or examples before writing code, and to quote or link the source. \
                Returns passages, not an answer: read them yourself.""",
                schema(Map.of("query", Map.of("type", "string", "description",
                        "What to look for, in words the documentation would use (a function, option or concept)."),
                        "document", DOCUMENT, "limit",
                        Map.of("type", "integer", "minimum", 1, "maximum", MAX_LIMIT, "description",
                                "How many passages to return, 1 to " + MAX_LIMIT + " (default 5).")),
                        "query"),
                this::search),
                tool("ask_docs", """
                        Ask a question about the documentation and get a short answer grounded in it, with \
                        numbered citations [n] and the list of cited sources (page, section, URL). Use it for \
                        "how do I" and "what does X do" questions when a direct answer helps more than raw \
                        passages. Answers only from the documentation; says so when it does not cover the \
                        question.""",
                        schema(Map.of("question",
                                Map.of("type", "string", "description", "The question, as a full sentence."),
                                "document", DOCUMENT), "question"),
                        this::ask),
                tool("list_document_sets", """
                        List the documentation sets this server can search (slug, title, base URL, pages). \
                        Use it to find the slug to pass as 'document' to search_docs or ask_docs.""", schema(Map.of()),
                        (key, arguments) -> listSets(key)));
    }

    private CallToolResult search(ApiKey key, Arguments arguments) {
        String query = arguments.requiredText("query", MAX_QUERY_CHARS);
        UUID document = arguments.optionalText("document", 200).map(value -> resolve(key, value)).orElse(null);
        int limit = arguments.integer("limit", 5, 1, MAX_LIMIT);
        List<Passage> passages;
        if (document != null || key.documentIds().isEmpty()) {
            passages = retrieval.search(query, document, limit);
        }
        else if (key.documentIds().size() == 1) {
            passages = retrieval.search(query, key.documentIds().iterator().next(), limit);
        }
        else {
            passages = retrieval.search(query, null, Retrieval.MAX_K)
                .stream()
                .filter(passage -> key.covers(passage.documentId()))
                .limit(limit)
                .toList();
        }
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            text.append("[").append(i + 1).append("] ").append(passage.documentTitle()).append(" › ");
            text.append(passage.pageTitle()).append(" › ").append(passage.section()).append('\n');
            text.append(passage.url()).append("\n\n").append(passage.text().strip()).append("\n\n");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rank", i + 1);
            result.put("document", passage.documentTitle());
            result.put("page", passage.page());
            result.put("pageTitle", passage.pageTitle());
            result.put("section", passage.section());
            result.put("url", passage.url());
            result.put("text", passage.text());
            results.add(result);
        }
        if (passages.isEmpty()) {
            text.append("No passages matched. Try other words, or another document set (list_document_sets).");
        }
        return CallToolResult.builder()
            .addTextContent(text.toString().strip())
            .structuredContent(Map.of("results", results))
            .isError(false)
            .build();
    }

    private CallToolResult ask(ApiKey key, Arguments arguments) {
        if (key.readOnly()) {
            throw new ToolFailure("This API key is read-only: it may search but not ask for answers. "
                    + "Use search_docs instead, or ask the Docent administrator for a key that is not read-only.");
        }
        String question = arguments.requiredText("question", MAX_QUESTION_CHARS);
        UUID document = arguments.optionalText("document", 200).map(value -> resolve(key, value)).orElse(null);
        DocsAnswers.Answer answer;
        try {
            answer = answers.ask(question, document, key.documentIds());
        }
        catch (ModelFailure failure) {
            throw new ToolFailure("The language model could not answer (" + failure.getMessage()
                    + "). Try again later, or use search_docs.");
        }
        StringBuilder text = new StringBuilder(answer.text().strip());
        List<Map<String, Object>> sources = new ArrayList<>();
        if (!answer.sources().isEmpty()) {
            text.append("\n\nSources:");
        }
        for (Source source : answer.sources()) {
            text.append("\n[").append(source.n()).append("] ").append(source.documentTitle()).append(" › ");
            text.append(source.section()).append(" — ").append(source.url());
            Map<String, Object> cited = new LinkedHashMap<>();
            cited.put("n", source.n());
            cited.put("document", source.documentTitle());
            cited.put("page", source.page());
            cited.put("section", source.section());
            cited.put("url", source.url());
            cited.put("snippet", source.snippet());
            sources.add(cited);
        }
        return CallToolResult.builder()
            .addTextContent(text.toString())
            .structuredContent(Map.of("answer", answer.text(), "sources", sources))
            .isError(false)
            .build();
    }

    private CallToolResult listSets(ApiKey key) {
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> sets = new ArrayList<>();
        for (DocumentView document : readable(key)) {
            text.append("- ").append(document.slug()).append(": ").append(document.title());
            text.append(" (").append(document.pageCount()).append(" pages");
            if (document.baseUrl() != null && !document.baseUrl().isBlank()) {
                text.append(", ").append(document.baseUrl());
            }
            text.append(")\n");
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("id", document.id().toString());
            set.put("slug", document.slug());
            set.put("title", document.title());
            set.put("baseUrl", document.baseUrl() == null ? "" : document.baseUrl());
            set.put("pages", document.pageCount());
            sets.add(set);
        }
        if (sets.isEmpty()) {
            text.append("No documentation sets are available to this key yet.");
        }
        return CallToolResult.builder()
            .addTextContent(text.toString().strip())
            .structuredContent(Map.of("documentSets", sets))
            .isError(false)
            .build();
    }

    private List<DocumentView> readable(ApiKey key) {
        return knowledge.documents().stream().filter(document -> key.covers(document.id())).toList();
    }

    /** A set's slug or id, among those the key may read. */
    private UUID resolve(ApiKey key, String slugOrId) {
        List<DocumentView> readable = readable(key);
        for (DocumentView document : readable) {
            if (document.slug().equalsIgnoreCase(slugOrId) || document.id().toString().equalsIgnoreCase(slugOrId)) {
                return document.id();
            }
        }
        String known = String.join(", ", readable.stream().map(DocumentView::slug).toList());
        throw new ToolFailure("No document set '" + slugOrId + "' is available to this key. "
                + (known.isEmpty() ? "There are none yet." : "Use one of: " + known + "."));
    }

    private SyncToolSpecification tool(String name, String description, Map<String, Object> schema,
            BiFunction<ApiKey, Arguments, CallToolResult> call) {
        Tool tool = Tool.builder(name, schema)
            .description(description)
            .annotations(ToolAnnotations.builder().readOnlyHint(true).openWorldHint(false).build())
            .build();
        return new SyncToolSpecification(tool, (context, request) -> call(name, context, request, call));
    }

    private CallToolResult call(String name, McpTransportContext context, CallToolRequest request,
            BiFunction<ApiKey, Arguments, CallToolResult> call) {
        ApiKey key = (ApiKey) context.get(KEY);
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            if (key == null) {
                throw new ToolFailure("A secret API key is required.");
            }
            keys.admit(key);
            return call.apply(key, new Arguments(request.arguments()));
        }
        catch (ToolFailure failure) {
            outcome = "refused: " + failure.getMessage();
            return error(failure.getMessage());
        }
        catch (Problem problem) {
            outcome = "refused: " + problem.getMessage();
            return error(problem.getMessage());
        }
        finally {
            log.info("MCP {} by API key {} in {} ms: {}", name, key == null ? "-" : key.id(),
                    (System.nanoTime() - started) / 1_000_000, outcome);
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static Map<String, Object> schema(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(required));
        schema.put("additionalProperties", false);
        return schema;
    }

}
