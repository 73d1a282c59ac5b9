package dev.docent.knowledge.retrieve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean technical terms and their English equivalents, for searching English
 * documentation with a Korean question: {@link #inEnglish} renders it as a query of
 * English terms. The built-in glossary (general programming and web vocabulary,
 * {@code knowledge/glossary-ko.txt}) can be extended by an admin's file in the same
 * format, whose entries replace the built-in ones for the same Korean term.
 *
 * <p>
 * Korean writes compounds and particles without spaces ({@code 예외처리를}), so terms are
 * found inside words: the longest term at each position, left to right. A one-syllable
 * term ({@code 값}, {@code 키}) is too likely to be part of another word, so it counts only
 * as a whole word, its particle removed ({@code 값을}).
 */
public final class Glossary {

    static final String BUILT_IN = "/knowledge/glossary-ko.txt";

    private static final Pattern ENTRY = Pattern.compile("^(\\S+)\\s*=\\s*(\\S.*)$");

    private static final Pattern LATIN_WORD = Pattern.compile("[\\p{IsLatin}\\p{Nd}_][\\p{IsLatin}\\p{Nd}_.]*");

    private static final Pattern HANGUL_RUN = Pattern.compile("\\p{IsHangul}+");

    /** As written. */
    private final Map<String, List<String>> entries;

    /** As looked up: the entries and the stems of their verbs. */
    private final Map<String, List<String>> english;

    private final int longestTerm;

    private Glossary(Map<String, List<String>> entries) {
        Map<String, List<String>> english = new HashMap<>(entries);
        entries.forEach((term, terms) -> english.putIfAbsent(verbStem(term), terms));
        english.remove("");
        this.entries = Map.copyOf(entries);
        this.english = Map.copyOf(english);
        this.longestTerm = english.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The built-in glossary alone. */
    public static Glossary builtIn() {
        try (InputStream in = Glossary.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in glossary " + BUILT_IN + " is missing");
            }
            return new Glossary(parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The built-in glossary, with the entries of an admin's file (if any) merged over it.
     * @param file {@code null} for none
     * @throws IllegalArgumentException when the file cannot be read or has a line that is
     * not an entry, naming the file and line
     */
    public static Glossary load(Path file) {
        Glossary builtIn = builtIn();
        if (file == null) {
            return builtIn;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return builtIn.mergedWith(parse(reader, file.toString()));
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the glossary " + file + ": " + e, e);
        }
    }

    /** This glossary with the given entries added, replacing those of the same terms. */
    Glossary mergedWith(Map<String, List<String>> entries) {
        Map<String, List<String>> merged = new HashMap<>(this.entries);
        merged.putAll(entries);
        return new Glossary(merged);
    }

    /**
     * The entries of a glossary text: {@code term = english, english…} a line; blank
     * lines and {@code #} comments ignored; a term given twice keeps its last line.
     */
    static Map<String, List<String>> parse(Reader text, String source) throws IOException {
        Map<String, List<String>> entries = new HashMap<>();
        BufferedReader lines = new BufferedReader(text);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Matcher matcher = ENTRY.matcher(entry);
            List<String> terms = matcher.matches() ? Arrays.stream(matcher.group(2).split(","))
                .map(String::strip)
                .filter(term -> !term.isEmpty())
                .toList() : List.of();
            if (terms.isEmpty()) {
                throw new IllegalArgumentException(
                        "%s line %d is not 'term = english, english…': %s".formatted(source, number, entry));
            }
            entries.put(matcher.group(1), terms);
        }
        return entries;
    }

    /** How many terms the glossary has. */
    public int size() {
        return entries.size();
    }

    /**
     * A verb written as its noun form or dictionary form ({@code 지우기}, {@code 나누다},
     * {@code 파싱하다}) is found by its stem as conjugated ({@code 지우고}, {@code 나누면},
     * {@code 파싱해서}); a stem of one syllable would be part of too many other words, so
     * only longer ones count. Empty when the term is no such verb.
     */
    static String verbStem(String term) {
        String stem = term.endsWith("하다") ? term.substring(0, term.length() - 2)
                : term.endsWith("기") || term.endsWith("다") ? term.substring(0, term.length() - 1) : "";
        return stem.length() >= 2 ? stem : "";
    }

    /**
     * The English terms of the glossary's terms found in the text, in the order found,
     * each once.
     */
    public List<String> englishFor(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher run = HANGUL_RUN.matcher(text);
        while (run.find()) {
            for (String term : termsIn(run.group())) {
                found.addAll(english.get(term));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The query in English as far as the glossary can tell: its words in Latin letters
     * (names of functions, modules) and the English terms of its Korean words; empty when
     * it has no Hangul or no word the glossary knows.
     */
    public Optional<String> inEnglish(String query) {
        if (!KoreanWords.hasHangul(query)) {
            return Optional.empty();
        }
        List<String> terms = englishFor(query);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher latin = LATIN_WORD.matcher(query);
        while (latin.find()) {
            words.add(latin.group());
        }
        words.addAll(terms);
        return Optional.of(String.join(" ", words));
    }

    /** The glossary's terms in one word of Hangul. */
    List<String> termsIn(String word) {
        String stem = KoreanWords.withoutParticle(word);
        if (english.containsKey(word)) {
            return List.of(word);
        }
        if (english.containsKey(stem)) {
            return List.of(stem);
        }
        List<String> terms = new ArrayList<>();
        int at = 0;
        while (at < stem.length()) {
            String term = longestTermAt(stem, at);
            if (term == null) {
                at++;
            }
            else {
                terms.add(term);
                at += term.length();
            }
        }
        return terms;
    }

    private String longestTermAt(String word, int at) {
        for (int end = Math.min(word.length(), at + longestTerm); end >= at + 2; end--) {
            String candidate = word.substring(at, end);
            if (english.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

}
