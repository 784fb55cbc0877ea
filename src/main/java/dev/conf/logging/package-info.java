/** Logging set-up: Logback configured in code, to stderr. Imports nothing from conf. */
package dev.conf.logging;
