/**
 * Words, plain Java: the meaningful terms of a question or a sentence, shared by the
 * index, retrieval and the extractive answerer.
 */
package dev.docent.shared.text;
