/** Mapping of Entra ID sign-in records, in their diagnostic, Graph and Log Analytics shapes. */
package io.stormwatch.formats.entra;
