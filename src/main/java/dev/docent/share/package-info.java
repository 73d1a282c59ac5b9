/**
 * Read-only links to a chat: a snapshot of the conversation as it was when shared,
 * readable without an account, revocable by its owner.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "account", "chat" })
package dev.docent.share;
