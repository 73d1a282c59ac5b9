/**
 * One conversational turn: history and question in, a saved (optionally streamed) answer
 * out.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "account", "chat", "llm", "knowledge" })
package dev.docent.assistant;
