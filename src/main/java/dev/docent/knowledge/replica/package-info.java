/**
 * This instance's copy of the index, kept in step with the database: catch-up,
 * notifications from other instances, health.
 */
package dev.docent.knowledge.replica;
