/** {@code conf export}: a page tree or a space to files, incrementally and concurrently. */
package dev.conf.cli.export;
