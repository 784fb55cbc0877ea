/**
 * Exit codes and the one exception type that carries them. Imports nothing from conf: every other
 * package may use it.
 */
package dev.conf.error;
