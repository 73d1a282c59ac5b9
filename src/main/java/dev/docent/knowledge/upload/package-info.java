/**
 * Uploads to POST /documents: the staging of a file or zip on disk (limits, unpacking)
 * and the background job that ingests it.
 */
package dev.docent.knowledge.upload;
