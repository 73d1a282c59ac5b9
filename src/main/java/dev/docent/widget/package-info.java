/**
 * The widget on a documentation site: guest credentials for the anonymous visitors of a
 * public key, the checks on every guest request (key, Origin, limits, what a guest may
 * do), CORS for the key's origins (decision 0018).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "account", "apikey", "knowledge" })
package dev.docent.widget;
