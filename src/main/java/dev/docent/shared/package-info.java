/** IDs, clock and the errors every module raises, mapped to problem+json in one place. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.docent.shared;
