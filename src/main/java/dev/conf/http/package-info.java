/**
 * HTTP plumbing: one OkHttp client with auth, retry and debug interceptors, JSON calls with
 * Atlassian error mapping, and the pager that follows {@code _links.next}. Knows nothing of pages,
 * spaces or commands; imports only {@code error} and {@code util} from conf.
 */
package dev.conf.http;
