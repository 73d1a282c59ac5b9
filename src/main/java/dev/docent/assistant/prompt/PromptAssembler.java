package dev.docent.assistant.prompt;

import dev.docent.chat.MessageView;
import dev.docent.knowledge.Passage;
import dev.docent.llm.ModelMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds what the model sees: instructions, then as much of the conversation as fits the
 * token budget, newest turns first to be kept. Tokens are estimated at four characters
 * each, which is close enough for English prose and errs on the safe side for code.
 */
public final class PromptAssembler {

    public static final String GENERAL_INSTRUCTIONS = """
            You are Docent, a patient assistant for people learning to program. Answer clearly and \
            concisely, use Markdown, and put code in fenced blocks with a language tag. If you are not \
            sure of something, say so instead of guessing.""";

    public static final String GROUNDED_INSTRUCTIONS = """
            You are Docent, a patient assistant for people learning to program. Answer the user's question \
            using only the numbered documentation passages below, not what you know from elsewhere. Cite the \
            passages you use by their numbers in square brackets, like [1] or [2][3], right after the \
            statement they support, and cite no other numbers. If the passages do not contain the answer, \
            say plainly that the documentation provided does not cover it, and do not make one up. Be \
            clear and concise, use Markdown, and put code in fenced blocks with a language tag. Answer in \
            the language of the user's question, even when the passages are in another language.""";

    static final String NO_PASSAGES = "(No passages were found for this question.)";

    /**
     * A grounded prompt, and the passages it numbered: {@code passages.get(0)} is [1].
     */
    public record Grounded(List<ModelMessage> messages, List<Passage> passages) {

        public Grounded {
            messages = List.copyOf(messages);
            passages = List.copyOf(passages);
        }
    }

    private PromptAssembler() {
    }

    static int estimateTokens(String text) {
        return (text.length() + 3) / 4;
    }

    /**
     * {@code conversation} is oldest first and ends with the question being answered,
     * which is always kept.
     */
    public static List<ModelMessage> general(List<MessageView> conversation, int historyTokens) {
        return window(GENERAL_INSTRUCTIONS, conversation, historyTokens);
    }

    /**
     * Instructions to answer from the numbered passages only and cite them as
     * {@code [n]}, the passages themselves ({@code [1] Document — page › section (url)}
     * then the text), then the conversation as in {@link #general}. {@code passages} come
     * best first; they are taken in that order while they fit {@code passageTokens}, so
     * the lowest-ranked go first. The best passage is always given, its text cut to fit
     * if it alone is over the budget. Citations in the answer are to be checked against
     * {@link Grounded#passages()}, not the passages passed in.
     */
    public static Grounded grounded(List<MessageView> conversation, List<Passage> passages, int historyTokens,
            int passageTokens) {
        List<Passage> given = new ArrayList<>();
        StringBuilder numbered = new StringBuilder();
        int budget = passageTokens;
        for (Passage passage : passages) {
            String heading = "[" + (given.size() + 1) + "] " + heading(passage) + "\n";
            String text = passage.text().strip();
            int cost = estimateTokens(heading + text + "\n\n");
            if (cost > budget) {
                if (!given.isEmpty()) {
                    break;
                }
                text = cut(text, Math.max(0, budget * 4 - heading.length() - 3));
                cost = budget;
            }
            numbered.append(heading).append(text).append("\n\n");
            given.add(passage);
            budget -= cost;
        }
        String system = GROUNDED_INSTRUCTIONS + "\n\nPassages:\n\n"
                + (given.isEmpty() ? NO_PASSAGES : numbered.toString().stripTrailing());
        return new Grounded(window(system, conversation, historyTokens), given);
    }

    /**
     * "Document — page › section (url)", leaving out what is blank or says nothing new.
     */
    static String heading(Passage passage) {
        String page = blank(passage.pageTitle()) ? passage.page() : passage.pageTitle();
        StringBuilder heading = new StringBuilder(passage.documentTitle());
        if (!blank(page)) {
            heading.append(" — ").append(page);
        }
        if (!blank(passage.section()) && !passage.section().equals(page)) {
            heading.append(" › ").append(passage.section());
        }
        if (!blank(passage.url())) {
            heading.append(" (").append(passage.url()).append(')');
        }
        return heading.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * Cuts at the last space or line break that fits, keeping the text's layout (code
     * stays indented).
     */
    private static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int at = Math.max(text.lastIndexOf(' ', maxChars), text.lastIndexOf('\n', maxChars));
        return text.substring(0, at > maxChars / 2 ? at : maxChars).stripTrailing() + " …";
    }

    private static List<ModelMessage> window(String instructions, List<MessageView> conversation, int historyTokens) {
        Deque<ModelMessage> window = new ArrayDeque<>();
        int budget = historyTokens;
        for (int i = conversation.size() - 1; i >= 0; i--) {
            MessageView message = conversation.get(i);
            int cost = estimateTokens(message.content());
            boolean question = i == conversation.size() - 1;
            if (!question && cost > budget) {
                break;
            }
            budget -= cost;
            window.addFirst(message.role().equals(MessageView.USER) ? ModelMessage.user(message.content())
                    : ModelMessage.assistant(message.content()));
        }
        window.addFirst(ModelMessage.system(instructions));
        return List.copyOf(window);
    }

    public static List<ModelMessage> title(String question) {
        return List.of(ModelMessage.system("""
                Write a title of at most six words for a conversation that starts with the user's message. \
                Reply with the title only, no quotes, no final punctuation."""), ModelMessage.user(question));
    }

}
