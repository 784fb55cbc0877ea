/**
 * OAuth 1.0a (RFC 5849) with RSA-SHA1, as Data Center application links speak it: the signature
 * base string, the {@code Authorization: OAuth} header, an OkHttp interceptor that signs every
 * request for the site, and the three-step dance (request token, authorize URL, access token) as a
 * small client. Nonces and timestamps come from injected sources so tests are exact.
 *
 * <p>Used by {@code conf auth login --type oauth1} and by the HTTP client a stored oauth1
 * connection builds (a later step wires both); nothing here reads a keychain or a terminal.
 */
package dev.conf.auth.oauth1;
