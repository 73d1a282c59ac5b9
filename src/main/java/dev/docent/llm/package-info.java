@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package dev.docent.llm;
