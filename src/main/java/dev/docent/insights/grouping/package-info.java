/** Grouping questions by meaning: plain logic, no framework. */
package dev.docent.insights.grouping;
