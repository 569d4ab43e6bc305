/**
 * Readers for the values Microsoft writes in many ways: IP literals, timestamps, numbers as
 * strings, and the rejection vocabulary shared by the parsers. Public: other modules use them too.
 */
package io.stormwatch.formats.common;
