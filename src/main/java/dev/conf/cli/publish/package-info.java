/**
 * {@code conf publish}: a folder of Markdown files to a page tree. {@link
 * dev.conf.cli.publish.SourceTree} reads and converts the files (no requests), {@link
 * dev.conf.cli.publish.Planner} decides what to do with each from what the server holds (pure), and
 * {@link dev.conf.cli.publish.PublishCommand} carries the plan out.
 */
package dev.conf.cli.publish;
