/**
 * Retrieval's logic, plain Java: query planning (stand-alone question, rewrites), rank
 * fusion and one passage per page.
 */
package dev.docent.knowledge.retrieve;
