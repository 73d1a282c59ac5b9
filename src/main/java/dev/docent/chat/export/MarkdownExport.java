package dev.docent.chat.export;

import dev.docent.chat.ChatView;
import dev.docent.chat.MessageView;
import dev.docent.chat.Source;

/**
 * A conversation as a Markdown document: a heading per turn, sources listed under each
 * answer.
 */
public final class MarkdownExport {

    private MarkdownExport() {
    }

    public static String render(ChatView chat) {
        StringBuilder md = new StringBuilder("# ").append(chat.title())
            .append("\n\n")
            .append("_")
            .append(chat.category())
            .append(" chat, started ")
            .append(chat.createdAt())
            .append("_\n");
        for (MessageView message : chat.messages()) {
            md.append("\n## ")
                .append(message.role().equals(MessageView.USER) ? "You" : "Docent")
                .append(message.interrupted() ? " (interrupted)" : "")
                .append("\n\n")
                .append(message.content().strip())
                .append("\n");
            if (!message.sources().isEmpty()) {
                md.append("\nSources:\n\n");
                for (Source source : message.sources()) {
                    md.append("- [")
                        .append(source.n())
                        .append("] ")
                        .append(source.documentTitle())
                        .append(source.section() == null ? "" : " — " + source.section())
                        .append(source.url() == null ? "" : " <" + source.url() + ">")
                        .append("\n");
                }
            }
        }
        return md.toString();
    }

    public static String filename(ChatView chat) {
        String slug = chat.title().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "chat-" + chat.id() : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

}
