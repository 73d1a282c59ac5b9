package dev.docent.knowledge.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.llm.ModelMessage;
import dev.docent.llm.ModelMessage.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

    @Test
    void aQuestionWithoutEarlierTurnsIsSearchedAsAsked() {
        assertThat(QueryPlanner.standalone("  How do I read a CSV file?  ", List.of()))
            .isEqualTo("How do I read a CSV file?");
        assertThat(QueryPlanner.standalone("Why?", List.of(" ", ""))).isEqualTo("Why?");
    }

    @Test
    void aShortFollowUpCarriesTheTopicOfTheTurnBefore() {
        String standalone = QueryPlanner.standalone("Can they have default values?",
                List.of("How do I build a tuple with named fields in Python?"));

        assertThat(standalone).startsWith("Can they have default values? ");
        assertThat(standalone.substring("Can they have default values? ".length()).split(" ")).containsExactly("build",
                "tuple", "named", "fields", "python");
    }

    @Test
    void wordsTheQuestionAlreadyHasAreNotBorrowedAgain() {
        String standalone = QueryPlanner.standalone("and sorting them in reverse?",
                List.of("how do I sort a list of dictionaries?"));

        assertThat(standalone).isEqualTo("and sorting them in reverse? list dictionaries");
    }

    @Test
    void aQuestionThatPointsBackBorrowsEvenWhenItIsLonger() {
        String standalone = QueryPlanner.standalone("Is it possible to compare those objects with timezone offsets?",
                List.of("How do I parse ISO 8601 timestamps into datetime objects?"));

        assertThat(standalone).contains("parse", "iso", "8601", "timestamps", "datetime");
    }

    @Test
    void aSelfContainedQuestionDoesNotDragTheOldTopicAlong() {
        String question = "How do I configure the database cache backend in Django settings?";

        assertThat(QueryPlanner.standalone(question, List.of("How do I sort a list of dictionaries by a key?")))
            .isEqualTo(question);
    }

    @Test
    void aChainOfFollowUpsReachesBackToItsTopicNewestFirst() {
        String standalone = QueryPlanner.standalone("and by two keys?", List.of("how do I read a csv file?",
                "how do I sort a list of dictionaries by a key?", "what about in reverse order?"));

        assertThat(standalone).isEqualTo("and by two keys? reverse order sort list dictionaries");
        assertThat(standalone).doesNotContain("csv");
    }

    @Test
    void aChainStopsAtTheTurnThatStoodAlone() {
        String standalone = QueryPlanner.standalone("what about sets?",
                List.of("how do I sort a list of dictionaries by a key?",
                        "How do I remove duplicate entries from a list while keeping their order?"));

        assertThat(standalone).contains("remove", "duplicate", "entries", "order").doesNotContain("dictionaries");
    }

    @Test
    void identifiersAreBorrowedWhole() {
        String standalone = QueryPlanner.standalone("What does it return on Windows?",
                List.of("What does os.path.join() do with an absolute second argument?"));

        assertThat(standalone).contains("os.path.join", "absolute", "second", "argument");
    }

    @Test
    void aKoreanFollowUpIsRecognisedByItsPointingWords() {
        String standalone = QueryPlanner.standalone("그럼 기본값은 어떻게 지정해요?", List.of("파이썬 namedtuple 필드 이름은 어떻게 정해요?"));

        assertThat(standalone).startsWith("그럼 기본값은 어떻게 지정해요? ").contains("namedtuple");
    }

    @Test
    void borrowingIsCapped() {
        String earlier = "sqlite3 cursor execute parameters placeholders qmark named style transactions isolation "
                + "autocommit rollback commit connection timeout threads";

        String standalone = QueryPlanner.standalone("and here?", List.of(earlier));

        assertThat(standalone.split(" ")).hasSize(2 + QueryPlanner.MAX_BORROWED_WORDS);
    }

    @Test
    void theVariantsPromptAsksForAStandaloneRewriteAndAlternativesGivenTheRecentTurns() {
        List<ModelMessage> prompt = QueryPlanner.variantsPrompt("Can they have default values?",
                List.of("oldest question", "How do I make a tuple with named fields?", "What is a field name?",
                        "Can fields be renamed?"));

        assertThat(prompt).extracting(ModelMessage::role).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(prompt.get(0).content())
            .contains("exactly four lines", "stand on its own", "Write every line in English")
            .doesNotContain("translation");
        assertThat(prompt.get(1).content())
            .contains("- How do I make a tuple with named fields?\n- What is a field name?\n- Can fields be renamed?")
            .doesNotContain("oldest question")
            .endsWith("Question: Can they have default values?");
    }

    @Test
    void aNonEnglishQuestionMustGetAnEnglishTranslation() {
        List<ModelMessage> prompt = QueryPlanner.variantsPrompt("파이썬에서 람다는 언제 써요?", List.of());

        assertThat(prompt.get(0).content()).contains("line 2 is its English translation");
        assertThat(prompt.get(1).content()).isEqualTo("Question: 파이썬에서 람다는 언제 써요?");
    }

    @Test
    void modelRepliesAreCleanedIntoQueries() {
        String reply = """
                <think>The user wants defaults for namedtuple fields.</think>
                Sure! Here are the queries:

                1. "How can namedtuple fields have default values?"
                2) **namedtuple defaults parameter**
                - English: `collections.namedtuple defaults`
                * Query 4: namedtuple defaults parameter
                """;

        assertThat(QueryPlanner.parseVariants(reply)).containsExactly("How can namedtuple fields have default values?",
                "namedtuple defaults parameter", "collections.namedtuple defaults");
    }

    @Test
    void parsedVariantsAreCappedInCountAndLength() {
        String longLine = "word ".repeat(100).strip();
        String reply = "```\nfirst\nsecond\n```\n" + longLine + "\nthird\nfourth\nfifth";

        List<String> variants = QueryPlanner.parseVariants(reply);

        assertThat(variants).hasSize(QueryPlanner.MAX_VARIANTS);
        assertThat(variants).containsSubsequence("first", "second");
        assertThat(variants.get(2)).hasSizeLessThanOrEqualTo(QueryPlanner.MAX_QUERY_CHARS)
            .startsWith("word word")
            .doesNotEndWith(" ");
        assertThat(QueryPlanner.parseVariants("  \n\n")).isEmpty();
    }

}
