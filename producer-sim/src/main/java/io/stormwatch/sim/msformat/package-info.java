/**
 * Writers of Microsoft's record formats: MailItemsAccessed as the Office 365 Management Activity
 * API returns it and Entra sign-ins as diagnostic settings stream them, byte for byte in key order,
 * time formats and value types.
 */
package io.stormwatch.sim.msformat;
