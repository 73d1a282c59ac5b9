/**
 * The history cache's Redis key layout, plain Java: one user's keys share a Redis Cluster
 * slot.
 */
package dev.docent.chat.cache.keys;
