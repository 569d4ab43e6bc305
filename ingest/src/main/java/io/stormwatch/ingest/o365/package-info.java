/**
 * The Office 365 Management Activity API, polled per tenant and content type: subscriptions
 * started, content listed in windows of at most 24 hours by creation time (following {@code
 * NextPageUri}), blobs fetched in creation order, expired content skipped and counted, each blob's
 * records and the feed's new position committed in one transaction.
 */
package io.stormwatch.ingest.o365;
