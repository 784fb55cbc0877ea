/**
 * Markdown ⇄ Confluence storage format (XHTML with {@code ac:}/{@code ri:} elements).
 *
 * <p>Pure: strings in, strings out. No files, no network, no terminal, no picocli, and no imports
 * from other conf packages. Everything that needs the outside world (which Markdown file is which
 * page, which local image becomes which attachment) is a function the caller passes in {@link
 * dev.conf.convert.ConvertOptions}, so {@code conf convert}, a later {@code conf publish} (a folder
 * of Markdown files) and {@code conf export} (pages to Markdown) share one converter.
 *
 * <p>What cannot be said in Markdown is carried in it losslessly rather than dropped: block-level
 * macros and elements conf does not understand become a fenced block with the info string {@code
 * confluence-storage} holding the original storage text byte for byte, and inline ones a link to
 * {@code conf:storage?xml=…} whose text is the element's text (see {@code ConfLinks} and
 * docs/markdown.md). Converting back emits that text unchanged.
 *
 * <p>Also here: text to read in a terminal ({@code ReadableText}: lists, tables, panels, wrapping),
 * flat plain text from storage ({@code StorageText}), line diffs ({@code UnifiedDiff}) and
 * byte-preserving edits of one section of a storage document ({@code StorageSections}).
 */
package dev.conf.convert;
