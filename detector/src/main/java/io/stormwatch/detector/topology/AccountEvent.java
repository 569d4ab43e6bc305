package io.stormwatch.detector.topology;

import io.stormwatch.schemas.avro.AuditEvent;

/**
 * An event with its account's state, as the tenant stage read it, handed on to the account
 * detections in the same task: the state is read once per event and written once, by the last.
 *
 * @param stored the state's bytes as read, to write only what changed; null for a new account
 */
record AccountEvent(AuditEvent event, AccountState state, byte[] stored) {}
