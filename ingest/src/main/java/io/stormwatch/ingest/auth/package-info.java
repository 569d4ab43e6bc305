/**
 * OAuth 2.0 client credentials against Microsoft Entra ID: an application secret, or a certificate
 * that signs a client assertion (RFC 7523 {@code private_key_jwt}) with the JDK's own crypto.
 */
package io.stormwatch.ingest.auth;
