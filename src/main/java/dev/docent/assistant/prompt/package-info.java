/**
 * What the assistant says to a model and checks in its answers, plain Java: the prompts
 * (general, grounded, title), the citation markers and the sources they name, chat
 * titles.
 */
package dev.docent.assistant.prompt;
