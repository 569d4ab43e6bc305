/**
 * Writers of Microsoft's record formats, one per record type: MailItemsAccessed and OWAAuth as the
 * Office 365 Management Activity API returns them, Entra sign-ins as diagnostic settings stream
 * them, byte for byte in key order, time formats and value types.
 */
package io.stormwatch.sim.msformat;
