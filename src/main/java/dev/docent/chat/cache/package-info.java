/**
 * The history cache in front of the database: the port, its Redis and in-process
 * adapters, the guard, the journal of pending invalidations and the warm-up.
 */
package dev.docent.chat.cache;
