package dev.docent.knowledge.starters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.knowledge.starters.StarterQuestions.Heading;
import dev.docent.knowledge.starters.StarterQuestions.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class StarterQuestionsTest {

    @Test
    void headingsBecomeQuestionsAPersonWouldAsk() {
        assertThat(StarterQuestions.phrase("Start the server", Language.EN)).isEqualTo("How do I start the server?");
        assertThat(StarterQuestions.phrase("Managing document sets", Language.EN))
            .isEqualTo("How do I manage document sets?");
        assertThat(StarterQuestions.phrase("Running against PostgreSQL", Language.EN))
            .isEqualTo("How do I run against PostgreSQL?");
        assertThat(StarterQuestions.phrase("Setting up a virtual environment", Language.EN))
            .isEqualTo("How do I set up a virtual environment?");
        assertThat(StarterQuestions.phrase("How to write a management command", Language.EN))
            .isEqualTo("How do I write a management command?");
        assertThat(StarterQuestions.phrase("Why is the Docent user guide among my documents?", Language.EN))
            .isEqualTo("Why is the Docent user guide among my documents?");
        assertThat(StarterQuestions.phrase("Supported formats", Language.EN))
            .isEqualTo("Tell me about supported formats");
        assertThat(StarterQuestions.phrase("API keys", Language.EN)).as("an acronym keeps its case")
            .isEqualTo("Tell me about API keys");
        assertThat(StarterQuestions.phrase("Authentication", Language.EN)).isEqualTo("Tell me about Authentication");
    }

    @Test
    void sphinxNumbersAndPilcrowsAreNotPartOfTheQuestion() {
        assertThat(StarterQuestions.phrase("4.2. Using the Python Interpreter\u00b6", Language.EN))
            .isEqualTo("How do I use the Python Interpreter?");
    }

    @Test
    void inKoreanATopicIsAskedAbout() {
        assertThat(StarterQuestions.phrase("Supported formats", Language.KO)).isEqualTo("Supported formats에 대해 알려 주세요");
        assertThat(StarterQuestions.phrase("Why is the Docent user guide among my documents?", Language.KO))
            .as("a question heading stays as written")
            .isEqualTo("Why is the Docent user guide among my documents?");
    }

    /** Headings of Docent's own guide, as its ingest stores them. */
    @Test
    void theBestSectionOfDifferentPagesGiveTheStartersTasksFirst() {
        List<Heading> guide = List.of(new Heading("documents.html", "Managing document sets", 300),
                new Heading("documents.html", "Supported formats", 900),
                new Heading("documents.html", "Upload through the API", 1200),
                new Heading("getting-started.html", "Introduction", 5000),
                new Heading("getting-started.html", "Start the server", 700),
                new Heading("api.html", "GET /api/v1/chats/{id}", 4000), new Heading("api.html", "Errors", 800),
                new Heading("faq.html", "Why is the Docent user guide among my documents?", 400),
                new Heading("chatting.html", "Read the citations", 600));

        assertThat(StarterQuestions.from(guide, Language.EN, 4)).containsExactly("How do I upload through the API?",
                "How do I start the server?", "How do I read the citations?",
                "Why is the Docent user guide among my documents?");
        assertThat(StarterQuestions.from(guide, Language.EN, 10))
            .as("each page's best first, then the other sections; nothing generic, no code")
            .hasSize(7)
            .endsWith("Tell me about Errors", "How do I manage document sets?", "Tell me about supported formats")
            .noneMatch(q -> q.contains("/api/v1") || q.contains("Introduction"));
    }

    @Test
    void nothingUsableGivesNoQuestions() {
        assertThat(
                StarterQuestions.from(
                        List.of(new Heading("a.html", "See also", 100),
                                new Heading("b.html", "functools.reduce()", 100), new Heading("c.html", "", 10)),
                        Language.EN, 4))
            .isEmpty();
    }

    @Test
    void languagesAreReadFromTags() {
        assertThat(StarterQuestions.Language.of("ko-KR")).isEqualTo(Language.KO);
        assertThat(StarterQuestions.Language.of("EN")).isEqualTo(Language.EN);
        assertThat(StarterQuestions.Language.of("fr")).isNull();
    }

}
