package dev.conf.convert;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The caller's answers to the questions a pure converter cannot answer alone. The defaults suit
 * converting one file offline; a publisher or exporter replaces them with what it knows about the
 * whole set of files and pages.
 *
 * @param pageForLink Markdown to storage: a relative link target (percent-decoded path, no
 *     fragment, e.g. {@code guide/setup.md}) to the title of the page it stands for, or empty to
 *     keep it an ordinary link. Default: Markdown files ({@code .md}, {@code .markdown}) map to
 *     their file name without the extension.
 * @param attachmentForImage Markdown to storage: a local image path (percent-decoded) to the
 *     attachment file name it is uploaded as. Default: the path's last segment.
 * @param linkForPage storage to Markdown: a linked page to the Markdown link target that stands for
 *     it (already percent-encoded as needed), or empty to write {@code conf:page?…}. Default: pages
 *     of the current space become {@code <encoded title>.md}, so that a round trip with the other
 *     default gives the same page back.
 * @param pathForAttachment storage to Markdown: an attachment file name (of an image) to the
 *     Markdown link target for it, percent-encoded as needed. Default: the encoded file name.
 * @param codeLanguage Markdown to storage: a fenced block's language to the {@code code} macro's,
 *     or empty for none. Default: {@link CodeLanguages#cloud} (as written); Data Center needs
 *     {@link CodeLanguages#dataCenter}.
 */
public record ConvertOptions(
    Function<String, Optional<String>> pageForLink,
    Function<String, String> attachmentForImage,
    Function<PageRef, Optional<String>> linkForPage,
    Function<String, String> pathForAttachment,
    Function<String, Optional<String>> codeLanguage) {

  public ConvertOptions {
    Objects.requireNonNull(pageForLink, "pageForLink");
    Objects.requireNonNull(attachmentForImage, "attachmentForImage");
    Objects.requireNonNull(linkForPage, "linkForPage");
    Objects.requireNonNull(pathForAttachment, "pathForAttachment");
    Objects.requireNonNull(codeLanguage, "codeLanguage");
  }

  /** The defaults described on the record's components. */
  public static ConvertOptions defaults() {
    return new ConvertOptions(
        ConvertOptions::titleFromFileName,
        ConvertOptions::lastSegment,
        page ->
            page.spaceKey() == null
                ? Optional.of(ConfLinks.encode(page.title()) + ".md")
                : Optional.empty(),
        ConfLinks::encode,
        CodeLanguages::cloud);
  }

  public ConvertOptions withPageForLink(Function<String, Optional<String>> f) {
    return new ConvertOptions(f, attachmentForImage, linkForPage, pathForAttachment, codeLanguage);
  }

  public ConvertOptions withAttachmentForImage(Function<String, String> f) {
    return new ConvertOptions(pageForLink, f, linkForPage, pathForAttachment, codeLanguage);
  }

  public ConvertOptions withLinkForPage(Function<PageRef, Optional<String>> f) {
    return new ConvertOptions(pageForLink, attachmentForImage, f, pathForAttachment, codeLanguage);
  }

  public ConvertOptions withPathForAttachment(Function<String, String> f) {
    return new ConvertOptions(pageForLink, attachmentForImage, linkForPage, f, codeLanguage);
  }

  public ConvertOptions withCodeLanguage(Function<String, Optional<String>> f) {
    return new ConvertOptions(pageForLink, attachmentForImage, linkForPage, pathForAttachment, f);
  }

  static Optional<String> titleFromFileName(String path) {
    String name = lastSegment(path);
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".md", ".markdown"}) {
      if (lower.endsWith(ext) && name.length() > ext.length()) {
        return Optional.of(name.substring(0, name.length() - ext.length()));
      }
    }
    return Optional.empty();
  }

  static String lastSegment(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
