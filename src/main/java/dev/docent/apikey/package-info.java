/**
 * API keys: public widget keys and secret keys for servers and coding agents, stored
 * hashed, scoped to document sets, revocable on every instance within a second, counted
 * in batches.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "account", "knowledge" })
package dev.docent.apikey;
