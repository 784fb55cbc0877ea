/**
 * PKCE (RFC 7636) with the S256 method, for the Data Center OAuth 2.0 provider's authorization code
 * grant ({@code {base}/rest/oauth2/latest/authorize} and {@code .../token}). Used by {@code conf
 * auth login --web --url DC} in a later step; Cloud's Atlassian endpoints ignore PKCE.
 */
package dev.conf.auth.pkce;
