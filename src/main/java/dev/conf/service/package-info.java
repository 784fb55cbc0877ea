/**
 * The service interface commands use and its neutral model records. Imports no backend, no HTTP and
 * no wire-format types.
 */
package dev.conf.service;
