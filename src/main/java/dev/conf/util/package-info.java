/** Small process-wide helpers (the JSON mapper). Imports nothing from conf but {@code error}. */
package dev.conf.util;
