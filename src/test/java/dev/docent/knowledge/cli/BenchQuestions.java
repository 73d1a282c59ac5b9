package dev.docent.knowledge.cli;

import dev.docent.knowledge.store.IndexedPassage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questions of the retrieval benchmark: questions made from the ingested passages
 * themselves (their headings and first sentences, picked with a fixed seed, so every run
 * asks the same ones of the same corpora), and the dev set's questions read at run time,
 * follow-ups with their history.
 */
final class BenchQuestions {

    /** A question to time, searched within its corpus's document as the eval does. */
    record Question(String text, List<String> history, UUID documentId) {
    }

    private static final int SENTENCE_WORDS = 16;

    private static final int MIN_SENTENCE_WORDS = 6;

    private static final Pattern SECTION_NUMBER = Pattern.compile("^[\\d.]+\\s+");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+");

    private static final Pattern TRAILING = Pattern.compile("[\\s.,;:!?¶]+$");

    private BenchQuestions() {
    }

    /**
     * About {@code count} distinct questions, shared among the corpora by their number of
     * passages.
     * @param passages the passages of each corpus's document, by corpus name
     */
    static List<Question> generated(Map<String, List<IndexedPassage>> passages, int count, long seed) {
        Random random = new Random(seed);
        long total = passages.values().stream().mapToLong(List::size).sum();
        List<Question> questions = new ArrayList<>();
        for (Map.Entry<String, List<IndexedPassage>> corpus : passages.entrySet()) {
            List<IndexedPassage> all = corpus.getValue();
            int wanted = (int) Math.round((double) count * all.size() / Math.max(1, total));
            List<Integer> order = new ArrayList<>(IntStream.range(0, all.size()).boxed().toList());
            Collections.shuffle(order, random);
            Map<String, Question> asked = new LinkedHashMap<>();
            for (int i = 0; i < order.size() && asked.size() < wanted; i++) {
                IndexedPassage passage = all.get(order.get(i));
                String text = question(corpus.getKey(), passage, random.nextInt(4));
                asked.putIfAbsent(text, new Question(text, List.of(), passage.documentId()));
            }
            questions.addAll(asked.values());
        }
        return questions;
    }

    /**
     * One of four shapes a user's question takes: a name, a how-to, a claim to check, a
     * long muddled one.
     */
    static String question(String corpus, IndexedPassage passage, int shape) {
        String topic = topic(passage).isEmpty() ? corpus : topic(passage);
        String sentence = firstSentence(passage.text());
        if (sentence == null) {
            shape %= 2;
        }
        return switch (shape) {
            case 0 -> "What is " + topic + "?";
            case 1 -> "How do I use " + topic + " in " + capitalized(corpus) + "?";
            case 2 -> sentence + "?";
            default -> "I read that " + sentence.substring(0, 1).toLowerCase(Locale.ROOT) + sentence.substring(1)
                    + " - what does " + topic + " mean here?";
        };
    }

    /**
     * The dev set's questions, for the corpora that were ingested; none when the file is
     * not there.
     */
    static List<Question> devset(Path file, Map<String, UUID> documents, JsonMapper json) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Question> questions = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode item = line.isBlank() ? null : json.readTree(line);
                if (item != null && documents.containsKey(item.path("corpus").asString())) {
                    List<String> history = new ArrayList<>();
                    item.path("history").forEach(turn -> history.add(turn.asString()));
                    questions.add(new Question(item.path("question").asString(), history,
                            documents.get(item.path("corpus").asString())));
                }
            }
            return questions;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String topic(IndexedPassage passage) {
        String heading = passage.section().isBlank() ? passage.pageTitle() : passage.section();
        return TRAILING.matcher(SECTION_NUMBER.matcher(heading.strip()).replaceFirst("")).replaceFirst("");
    }

    /**
     * The passage's first sentence of at least {@value #MIN_SENTENCE_WORDS} words (a "New
     * in version 3.3." note asks nothing), cut to {@value #SENTENCE_WORDS}; null when
     * there is none.
     */
    private static String firstSentence(String text) {
        for (String sentence : SENTENCE_END.split(text.strip())) {
            String[] words = sentence.split("\\s+");
            if (words.length >= MIN_SENTENCE_WORDS) {
                String cut = String.join(" ", List.of(words).subList(0, Math.min(words.length, SENTENCE_WORDS)));
                return TRAILING.matcher(cut).replaceFirst("");
            }
        }
        return null;
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

}
