/**
 * Injected I/O and the ways data is printed: tables on a terminal, tab-separated values in a pipe,
 * JSON for scripts. Knows nothing of HTTP, backends or Confluence's wire formats.
 */
package dev.conf.output;
