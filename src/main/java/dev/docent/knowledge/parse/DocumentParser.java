package dev.docent.knowledge.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns one file of a document into a {@link ParsedPage}, choosing the format by the
 * file's extension.
 */
public final class DocumentParser {

    private final HtmlPageParser html = new HtmlPageParser();

    private final MarkdownPageParser markdown = new MarkdownPageParser();

    private final TextPageParser text = new TextPageParser();

    private final PdfPageParser pdf = new PdfPageParser();

    /**
     * @param path the file's path inside the document, as it will appear in citation URLs
     * @throws UnreadablePageException for an unsupported type or a file that yields no
     * page
     */
    public ParsedPage parse(String path, byte[] content) throws UnreadablePageException {
        return parse(path, null, content);
    }

    /**
     * @param format the file's format as its extension would say it ({@code html},
     * {@code md}, {@code txt}, {@code pdf}); null to go by the path's extension
     */
    public ParsedPage parse(String path, String format, byte[] content) throws UnreadablePageException {
        try {
            return parseAs(path, format == null ? extension(path) : format, content);
        }
        catch (StackOverflowError e) {
            // the parsers recurse into nested structures (PDF arrays and dictionaries,
            // Markdown quotes): a file nested
            // deeply enough exhausts the stack, which unwinds to here whole
            throw new UnreadablePageException(path, "nested too deeply to read");
        }
    }

    private ParsedPage parseAs(String path, String format, byte[] content) throws UnreadablePageException {
        return switch (format) {
            case "html", "htm", "xhtml" -> html.parse(path, notBinary(path, content));
            case "md", "markdown" -> markdown.parse(path, utf8(path, content));
            case "txt", "text" -> text.parse(path, utf8(path, content));
            case "pdf" -> pdf.parse(path, content);
            default -> throw new UnreadablePageException(path, "unsupported file type");
        };
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] notBinary(String path, byte[] content) throws UnreadablePageException {
        for (byte b : content) {
            if (b == 0) {
                throw new UnreadablePageException(path, "binary content, not text");
            }
        }
        return content;
    }

    private static String utf8(String path, byte[] content) throws UnreadablePageException {
        notBinary(path, content);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(content))
                .toString()
                .replaceFirst("^\uFEFF", "");
        }
        catch (CharacterCodingException e) {
            throw new UnreadablePageException(path, "not UTF-8 text", e);
        }
    }

}
