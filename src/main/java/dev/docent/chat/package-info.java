/**
 * Chats and messages: the source of truth in the database, served through the history
 * cache.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "account" })
package dev.docent.chat;
