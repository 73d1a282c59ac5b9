/** The browser UI: pages and static assets. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.docent.web;
