/**
 * Identifiers, plain Java: time-ordered, unguessable UUIDs.
 */
package dev.docent.shared.id;
