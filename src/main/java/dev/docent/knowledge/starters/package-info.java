/**
 * Starter questions for an empty chat, made from a document set's headings (plain logic).
 */
package dev.docent.knowledge.starters;
