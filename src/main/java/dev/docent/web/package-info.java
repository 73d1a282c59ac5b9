/** The browser UI: pages and static assets. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "chat", "assistant"})
package dev.docent.web;
