/**
 * The service interfaces commands use ({@link dev.conf.service.ConfluenceService} and the {@link
 * dev.conf.service.Pages} and {@link dev.conf.service.PageItems} it hands out) and their neutral
 * model records, and the {@link dev.conf.service.Capabilities} commands ask where sites differ.
 * Imports no backend, no auth, no HTTP and no wire-format types.
 */
package dev.conf.service;
