package dev.docent.knowledge.parse;

import java.util.List;

/** Plain text: paragraphs separated by blank lines, titled by the first line. */
final class TextPageParser {

    ParsedPage parse(String path, String text) throws UnreadablePageException {
        String title = text.strip().lines().findFirst().orElse("").strip();
        if (title.isEmpty()) {
            throw new UnreadablePageException(path, "no text in the page");
        }
        Outline outline = new Outline(title);
        for (String paragraph : paragraphs(text)) {
            outline.prose(paragraph);
        }
        return new ParsedPage(path, title, outline.sections());
    }

    /** Blank lines separate paragraphs; single line breaks are only wrapping. */
    static List<String> paragraphs(String text) {
        return List.of(text.split("\\R\\s*\\R"));
    }

}
