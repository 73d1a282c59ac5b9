@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.docent.llm;
