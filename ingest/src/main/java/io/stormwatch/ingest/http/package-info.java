/** HTTP for Microsoft's APIs: retries of throttled and failed requests with backoff, stoppable. */
package io.stormwatch.ingest.http;
