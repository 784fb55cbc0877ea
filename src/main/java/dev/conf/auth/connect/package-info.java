/**
 * Atlassian Connect request signing for Cloud apps: the canonical request and its query string hash
 * ({@code qsh}), the HS256 JWT with {@code iss}, {@code iat}, {@code exp} and {@code qsh}, and an
 * OkHttp interceptor that puts a fresh {@code Authorization: JWT ...} on every request for the
 * site. The clock is injected.
 *
 * <p>Used by {@code conf auth login --type connect-jwt} and by the HTTP client a stored connect-jwt
 * connection builds (a later step wires both, {@code conf api} included).
 */
package dev.conf.auth.connect;
