/**
 * Pure conversions of page bodies: storage XHTML to plain text, line diffs. No I/O, no HTTP, and
 * nothing from {@code cli}.
 */
package dev.conf.convert;
