/**
 * Profiles and where conf's files live. Holds no secret. Imports only {@code error} and {@code
 * util} from conf.
 */
package dev.conf.config;
