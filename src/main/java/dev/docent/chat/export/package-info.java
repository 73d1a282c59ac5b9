/**
 * A chat as a document to download, plain Java: the Markdown export.
 */
package dev.docent.chat.export;
