/**
 * The rules every docent.llm and docent.embedding value follows, plain Java, and the
 * exception whose message names the variable (the settings records themselves are bound
 * by Spring in llm).
 */
package dev.docent.llm.settings;
