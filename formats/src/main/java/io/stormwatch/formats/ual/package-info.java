/** Mapping of Unified Audit Log records (MailItemsAccessed, OWAAuth, everything else) to events. */
package io.stormwatch.formats.ual;
