package dev.docent.knowledge.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF: the text of each page, with the page number as its section. */
final class PdfPageParser {

    ParsedPage parse(String path, byte[] content) throws UnreadablePageException {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<Section> sections = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<Block> blocks = TextPageParser.paragraphs(stripper.getText(pdf))
                    .stream()
                    .map(paragraph -> paragraph.replaceAll("\\s+", " ").strip())
                    .filter(paragraph -> !paragraph.isEmpty())
                    .<Block>map(Block.Prose::new)
                    .toList();
                if (!blocks.isEmpty()) {
                    // "#page=N" is the fragment PDF viewers open at that page.
                    sections.add(new Section("Page " + page, "page=" + page, blocks));
                }
            }
            if (sections.isEmpty()) {
                throw new UnreadablePageException(path, "no extractable text (a scanned PDF?)");
            }
            String title = pdf.getDocumentInformation().getTitle();
            if (title == null || title.isBlank()) {
                title = DocumentParser.fileName(path);
            }
            return new ParsedPage(path, title.strip(), sections);
        }
        catch (IOException e) {
            throw new UnreadablePageException(path, "not a readable PDF: " + e.getMessage(), e);
        }
    }

}
