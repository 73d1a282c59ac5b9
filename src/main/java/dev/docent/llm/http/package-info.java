/**
 * Talking to a model server, plain Java: one JDK HTTP client per adapter (platform
 * threads, each streaming exchange abortable), and failures named without the API key.
 */
package dev.docent.llm.http;
