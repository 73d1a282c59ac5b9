/**
 * Keyset paging of a user's chat list, plain Java: the cursor, whose string form is also
 * the member of the cached list index.
 */
package dev.docent.chat.paging;
