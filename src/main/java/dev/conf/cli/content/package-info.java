/**
 * What every content command shares (page, blog, label, attachment, comment, publish, export,
 * open): how a user names a page or blog post ({@link dev.conf.cli.content.ContentAddress}) and its
 * resolution to an id ({@link dev.conf.cli.content.PageResolver}), the tree root of {@code page
 * tree} and {@code export}, body input ({@link dev.conf.cli.content.BodySource}: read and converted
 * before any request), a Markdown body's local images and their upload, label names, and the verbs
 * {@code conf page} and {@code conf blog} both have ({@code CreateContent}, {@code UpdateContent},
 * {@code ViewContent}, {@code ListContent}, {@code DeleteContent}: the options and the work; each
 * noun's class only names its type and help). Imports no command package, so the nouns depend on it
 * and never on each other.
 */
package dev.conf.cli.content;
