/**
 * Choosing the page an offline answer is read from: plain logic, the similarity it uses
 * is given to it.
 */
package dev.docent.assistant.pagechoice;
