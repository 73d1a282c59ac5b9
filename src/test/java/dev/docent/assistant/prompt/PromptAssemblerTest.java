package dev.docent.assistant.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.assistant.prompt.PromptAssembler.Grounded;
import dev.docent.chat.MessageView;
import dev.docent.knowledge.Passage;
import dev.docent.llm.ModelMessage;
import dev.docent.llm.ModelMessage.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromptAssemblerTest {

    private static final UUID PYTHON = UUID.randomUUID();

    private static final Passage CACHE = passage("functools.html", "functools — Higher-order functions",
            "functools.cache", """
                    Simple lightweight unbounded function cache. Sometimes called "memoize".

                    @cache
                    def factorial(n):
                        return n * factorial(n-1) if n else 1""");

    private static final Passage LRU = passage("functools.html", "functools — Higher-order functions",
            "functools.lru_cache", "Decorator to wrap a function with a memoizing callable that saves up to the "
                    + "maxsize most recent calls.");

    private static final Passage PROPERTY = passage("functions.html", "Built-in Functions", "property",
            "Return a property attribute. fget is a function for getting an attribute value.");

    @Test
    void theGroundedPromptHoldsInstructionsNumberedPassagesEarlierTurnsAndTheQuestion() {
        List<MessageView> conversation = List.of(user("How do I memoize a function?"),
                assistant("Use functools.cache [1]."), user("Does it ever evict entries?"));

        Grounded prompt = PromptAssembler.grounded(conversation, List.of(CACHE, LRU), 1000, 1000);

        assertThat(prompt.passages()).containsExactly(CACHE, LRU);
        List<ModelMessage> messages = prompt.messages();
        assertThat(messages).extracting(ModelMessage::role)
            .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER);
        String system = messages.getFirst().content();
        assertThat(system).startsWith(PromptAssembler.GROUNDED_INSTRUCTIONS)
            .contains("only the numbered documentation passages", "square brackets", "do not contain the answer",
                    "language of the user's question", "fenced blocks")
            .contains(
                    """
                            [1] Python 3.11 — functools — Higher-order functions › functools.cache (functools.html#functools.cache)
                            Simple lightweight unbounded function cache. Sometimes called "memoize".

                            @cache
                            def factorial(n):
                                return n * factorial(n-1) if n else 1

                            [2] Python 3.11 — functools — Higher-order functions › functools.lru_cache \
                            (functools.html#functools.lru_cache)
                            Decorator to wrap""")
            .endsWith("maxsize most recent calls.");
        assertThat(messages.subList(1, 4)).extracting(ModelMessage::content)
            .containsExactly("How do I memoize a function?", "Use functools.cache [1].", "Does it ever evict entries?");
    }

    @Test
    void passagesThatDoNotFitTheBudgetAreDroppedLowestRankedFirst() {
        List<Passage> passages = List.of(LRU, PROPERTY, CACHE);
        int twoFit = tokens(1, LRU) + tokens(2, PROPERTY);

        Grounded prompt = PromptAssembler.grounded(List.of(user("What is lru_cache?")), passages, 1000, twoFit);

        assertThat(prompt.passages()).containsExactly(LRU, PROPERTY);
        assertThat(prompt.messages().getFirst().content()).contains("[1] ", "[2] ", "saves up to the", "fget")
            .doesNotContain("\n[3] ", "factorial");
    }

    @Test
    void theBestPassageIsAlwaysGivenCutToFitWhenItAloneIsTooLong() {
        Passage longOne = passage("stdtypes.html", "Built-in Types", "str.split", "word ".repeat(2000).strip());

        Grounded prompt = PromptAssembler.grounded(List.of(user("How does split work?")), List.of(longOne, LRU), 1000,
                100);

        assertThat(prompt.passages()).containsExactly(longOne);
        String system = prompt.messages().getFirst().content();
        String passagePart = system.substring(system.indexOf("\n[1] ") + 1);
        assertThat(PromptAssembler.estimateTokens(passagePart)).isLessThanOrEqualTo(100);
        assertThat(passagePart).endsWith("word …");
    }

    @Test
    void withoutPassagesThePromptSaysSo() {
        Grounded prompt = PromptAssembler.grounded(List.of(user("What is a metaclass?")), List.of(), 1000, 1000);

        assertThat(prompt.passages()).isEmpty();
        assertThat(prompt.messages().getFirst().content()).endsWith(PromptAssembler.NO_PASSAGES);
    }

    @Test
    void theConversationWindowKeepsTheNewestTurnsThatFitAndAlwaysTheQuestion() {
        List<MessageView> conversation = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            conversation.add(user("question number " + i + " " + "x".repeat(40)));
            conversation.add(assistant("answer number " + i + " " + "y".repeat(40)));
        }
        String question = "z".repeat(400);
        conversation.add(user(question));

        List<ModelMessage> grounded = PromptAssembler.grounded(conversation, List.of(CACHE), 150, 1000).messages();
        List<ModelMessage> general = PromptAssembler.general(conversation, 150);

        assertThat(grounded.getLast().content()).isEqualTo(question);
        assertThat(grounded).hasSize(general.size());
        assertThat(grounded.subList(1, grounded.size())).isEqualTo(general.subList(1, general.size()));
        assertThat(general.subList(1, general.size() - 1)).extracting(message -> message.content().substring(0, 17))
            .containsExactly("answer number 8 y", "question number 9", "answer number 9 y");
        assertThat(general.getFirst().content()).isEqualTo(PromptAssembler.GENERAL_INSTRUCTIONS);
    }

    @Test
    void headingsLeaveOutWhatIsBlankOrRepeated() {
        Passage plain = new Passage("c", PYTHON, "Docent guide", "start.md", "", "Getting started", "", "Hello.", 1);
        Passage titled = new Passage("c", PYTHON, "Docent guide", "start.md", "Getting started", "Getting started",
                "start.md#getting-started", "Hello.", 1);

        assertThat(PromptAssembler.heading(plain)).isEqualTo("Docent guide — start.md › Getting started");
        assertThat(PromptAssembler.heading(titled))
            .isEqualTo("Docent guide — Getting started (start.md#getting-started)");
    }

    private static int tokens(int n, Passage passage) {
        return PromptAssembler
            .estimateTokens("[" + n + "] " + PromptAssembler.heading(passage) + "\n" + passage.text() + "\n\n");
    }

    private static Passage passage(String page, String pageTitle, String section, String text) {
        return new Passage(section, PYTHON, "Python 3.11", page, pageTitle, section, page + "#" + section, text, 1.0);
    }

    private static MessageView user(String content) {
        return message(MessageView.USER, content);
    }

    private static MessageView assistant(String content) {
        return message(MessageView.ASSISTANT, content);
    }

    private static MessageView message(String role, String content) {
        return new MessageView(UUID.randomUUID(), 0, role, content, List.of(), false, Instant.EPOCH);
    }

}
