/**
 * Step 2, plain Java: a parsed page cut into passages of a few hundred words that keep
 * their section and link.
 */
package dev.docent.knowledge.chunk;
