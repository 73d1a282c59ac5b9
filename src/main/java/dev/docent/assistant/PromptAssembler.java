package dev.docent.assistant;

import dev.docent.chat.MessageView;
import dev.docent.llm.ModelMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Builds what the model sees: instructions, then as much of the conversation as fits the token budget,
 * newest turns first to be kept. Tokens are estimated at four characters each, which is close enough
 * for English prose and errs on the safe side for code.
 */
final class PromptAssembler {

    static final String GENERAL_INSTRUCTIONS = """
            You are Docent, a patient assistant for people learning to program. Answer clearly and \
            concisely, use Markdown, and put code in fenced blocks with a language tag. If you are not \
            sure of something, say so instead of guessing.""";

    private PromptAssembler() {
    }

    static int estimateTokens(String text) {
        return (text.length() + 3) / 4;
    }

    /** {@code conversation} is oldest first and ends with the question being answered, which is always kept. */
    static List<ModelMessage> general(List<MessageView> conversation, int historyTokens) {
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
        window.addFirst(ModelMessage.system(GENERAL_INSTRUCTIONS));
        return List.copyOf(window);
    }

    static List<ModelMessage> title(String question) {
        return List.of(ModelMessage.system("""
                Write a title of at most six words for a conversation that starts with the user's message. \
                Reply with the title only, no quotes, no final punctuation."""), ModelMessage.user(question));
    }
}
