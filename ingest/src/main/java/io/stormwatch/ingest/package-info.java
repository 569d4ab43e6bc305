/**
 * Pulls audit logs from Microsoft into Stormwatch's raw topics, exactly once.
 *
 * <ul>
 *   <li>{@link io.stormwatch.ingest.o365}: polls the Office 365 Management Activity API per tenant
 *       and content type into {@code m365.audit.raw};
 *   <li>{@link io.stormwatch.ingest.eventhub}: bridges Entra ID diagnostic settings from an Event
 *       Hubs Kafka endpoint into {@code entra.signin.raw};
 *   <li>{@link io.stormwatch.ingest.sink} and {@link io.stormwatch.ingest.checkpoint}: every record
 *       and the position it advances to are written in one Kafka transaction, and the positions are
 *       read back from a compacted topic on restart;
 *   <li>{@link io.stormwatch.ingest.auth}, {@link io.stormwatch.ingest.http}: OAuth client
 *       credentials (secret or certificate) and throttling-aware HTTP.
 * </ul>
 */
package io.stormwatch.ingest;
