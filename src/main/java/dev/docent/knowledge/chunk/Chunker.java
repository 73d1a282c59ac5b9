package dev.docent.knowledge.chunk;

import dev.docent.knowledge.parse.Block;
import dev.docent.knowledge.parse.ParsedPage;
import dev.docent.knowledge.parse.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a page into passages of about {@value #TARGET_WORDS} words, section by section.
 * Consecutive passages of a section share {@value #OVERLAP_WORDS} words of prose so a
 * sentence cut at the border is found from either side; code listings stay whole up to
 * {@value #MAX_WORDS} words, and longer ones are cut between lines. No passage exceeds
 * {@value #MAX_WORDS} words. A passage links to where it starts: its section, or the
 * reference entry (a function, a class…) whose description it starts in.
 */
public final class Chunker {

    static final int TARGET_WORDS = 300;
    static final int OVERLAP_WORDS = 40;
    static final int MAX_WORDS = 450;

    public List<Chunk> chunk(ParsedPage page) {
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : page.sections()) {
            for (Piece piece : passages(section)) {
                String url = piece.anchor().isEmpty() ? page.path() : page.path() + "#" + piece.anchor();
                chunks.add(new Chunk(page.path(), page.title(), section.heading(), url, chunks.size(), piece.text()));
            }
        }
        return chunks;
    }

    /** A passage's text and the anchor of where it starts. */
    private record Piece(String text, String anchor) {
    }

    private static List<Piece> passages(Section section) {
        Passages passages = new Passages(section.anchor());
        for (Block block : section.blocks()) {
            switch (block) {
                case Block.Prose prose -> passages.prose(words(prose.text()));
                case Block.Code code -> codePieces(code.text()).forEach(passages::code);
                case Block.Entry entry -> passages.entry(entry);
            }
        }
        return passages.finish();
    }

    private static List<String> codePieces(String code) {
        if (words(code).length <= MAX_WORDS) {
            return List.of(code);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int pieceWords = 0;
        for (String line : code.split("\n", -1)) {
            String[] lineWords = words(line);
            if (lineWords.length > MAX_WORDS) {
                // A single line this long (minified code, data) has no better place to
                // cut than between words.
                for (int from = 0; from < lineWords.length; from += MAX_WORDS) {
                    String part = String.join(" ",
                            Arrays.copyOfRange(lineWords, from, Math.min(lineWords.length, from + MAX_WORDS)));
                    pieceWords = addLine(pieces, piece, pieceWords, part, words(part).length);
                }
                continue;
            }
            pieceWords = addLine(pieces, piece, pieceWords, line, lineWords.length);
        }
        if (!piece.toString().isBlank()) {
            pieces.add(piece.toString().stripTrailing());
        }
        return pieces;
    }

    private static int addLine(List<String> pieces, StringBuilder piece, int pieceWords, String line, int lineWords) {
        if (pieceWords + lineWords > MAX_WORDS && pieceWords > 0) {
            pieces.add(piece.toString().stripTrailing());
            piece.setLength(0);
            pieceWords = 0;
        }
        piece.append(line).append('\n');
        return pieceWords + lineWords;
    }

    static String[] words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    /** The passages of one section, filled in order. */
    private static final class Passages {

        private sealed interface Part {

        }

        private record Paragraph(List<String> words) implements Part {
        }

        private record Listing(String code) implements Part {
        }

        private final List<Piece> done = new ArrayList<>();

        private final List<Part> parts = new ArrayList<>();

        private int words;

        private boolean onlyOverlap = true;

        /**
         * Where the passage being filled starts, and where the text being added belongs.
         */
        private String anchor;

        private String latestAnchor;

        Passages(String sectionAnchor) {
            anchor = sectionAnchor;
            latestAnchor = sectionAnchor;
        }

        /**
         * A passage that starts inside an entry links to the entry rather than to its
         * section. An entry that comes when the passage is full, or has only just
         * started, opens the next passage without the overlap, which belongs to the entry
         * before. Entries do not cut passages otherwise: one per entry made passages of
         * reference pages half as long and twice as many, and found no more.
         */
        void entry(Block.Entry entry) {
            if (!onlyOverlap && words >= TARGET_WORDS) {
                done.add(new Piece(render(), anchor));
                onlyOverlap = true;
            }
            if (onlyOverlap) {
                parts.clear();
                words = 0;
                anchor = entry.anchor();
            }
            latestAnchor = entry.anchor();
            prose(words(entry.text()));
        }

        void prose(String[] paragraph) {
            List<String> current = new ArrayList<>();
            parts.add(new Paragraph(current));
            for (String word : paragraph) {
                if (words >= TARGET_WORDS) {
                    current = startNext();
                }
                current.add(word);
                words++;
                onlyOverlap = false;
            }
        }

        void code(String listing) {
            int size = words(listing).length;
            if (words + size > MAX_WORDS && !onlyOverlap) {
                startNext();
            }
            if (words + size > MAX_WORDS) {
                // The overlap would push the listing over the limit: the listing alone is
                // context enough.
                parts.clear();
                words = 0;
            }
            parts.add(new Listing(listing));
            words += size;
            onlyOverlap = false;
            if (words >= TARGET_WORDS) {
                startNext();
            }
        }

        List<Piece> finish() {
            if (!onlyOverlap) {
                done.add(new Piece(render(), anchor));
            }
            return done;
        }

        /**
         * Closes the current passage and opens the next with its closing prose words;
         * returns that paragraph.
         */
        private List<String> startNext() {
            done.add(new Piece(render(), anchor));
            anchor = latestAnchor;
            List<String> overlap = new ArrayList<>();
            if (!parts.isEmpty() && parts.getLast() instanceof Paragraph(List<String> last)) {
                overlap.addAll(last.subList(Math.max(0, last.size() - OVERLAP_WORDS), last.size()));
            }
            parts.clear();
            parts.add(new Paragraph(overlap));
            words = overlap.size();
            onlyOverlap = true;
            return overlap;
        }

        private String render() {
            List<String> rendered = new ArrayList<>();
            for (Part part : parts) {
                switch (part) {
                    case Listing(String code) -> rendered.add(code);
                    case Paragraph(List<String> paragraph) when !paragraph.isEmpty() ->
                        rendered.add(String.join(" ", paragraph));
                    case Paragraph ignored -> {
                    }
                }
            }
            return String.join("\n\n", rendered);
        }

    }

}
