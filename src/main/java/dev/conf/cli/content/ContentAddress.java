package dev.conf.cli.content;

import dev.conf.error.ConfException;
import dev.conf.service.ContentType;
import dev.conf.service.SiteUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a user names a page or blog post: a numeric id, {@code SPACEKEY:Title}, or a URL copied from
 * the browser. Either {@link #id} is set, or {@link #spaceKey} and {@link #title}. {@link #type} is
 * what the text itself says the content is: {@link ContentType#BLOGPOST} for a blog post's URL,
 * {@link ContentType#PAGE} for a page's, and null when it does not say (a bare id, {@code
 * SPACEKEY:Title}, {@code ?pageId=}, a tiny link).
 *
 * <p>URLs understood: Cloud {@code /wiki/spaces/KEY/pages/ID[/Title]}, {@code
 * /wiki/spaces/KEY/pages/edit-v2/ID}, {@code /wiki/spaces/KEY/blog/[YYYY/MM/DD/]ID[/Title]}; Data
 * Center {@code /pages/viewpage.action?pageId=ID} (any {@code ?pageId=}), {@code
 * /display/KEY/Title+With+Pluses} and {@code /display/KEY/YYYY/MM/DD/Title}; tiny links {@code
 * /x/CODE} (Cloud {@code /wiki/x/CODE}) on both. A URL of another site than the profile's is
 * refused: conf never sends credentials to a host the user did not log in to, and never silently
 * reads a page from the wrong site.
 */
public record ContentAddress(String id, String spaceKey, String title, ContentType type) {
  private static final Pattern ID = Pattern.compile("\\d+");
  private static final Pattern KEY_TITLE =
      Pattern.compile("(~?[A-Za-z0-9_.-]+):(.+)", Pattern.DOTALL);
  private static final Pattern CLOUD_PAGE =
      Pattern.compile(
          "/spaces/([^/]+)/(pages|blog)(?:/edit(?:-v2)?)?(?:/\\d{4}/\\d{2}/\\d{2})?/(\\d+)(?:/.*)?");
  private static final Pattern DISPLAY =
      Pattern.compile("/display/([^/]+)/(\\d{4}/\\d{2}/\\d{2}/)?([^/]+)/?");
  private static final Pattern TINY = Pattern.compile("/x/([A-Za-z0-9_-]{1,16})/?$");
  private static final Pattern PAGE_ID_PARAM = Pattern.compile("(?:^|&)pageId=(\\d+)(?:&|$)");

  public ContentAddress {
    if (id == null) {
      Objects.requireNonNull(spaceKey);
      Objects.requireNonNull(title);
    }
  }

  /** A bare id: a page or a blog post. */
  public static ContentAddress ofId(String id) {
    return new ContentAddress(id, null, null, null);
  }

  /** True when the page is named by its title and must be looked up. */
  public boolean byTitle() {
    return id == null;
  }

  @Override
  public String toString() {
    return id != null ? id : spaceKey + ":" + title;
  }

  /**
   * Reads what the user typed.
   *
   * @param site where the profile's site answers, which URLs must belong to
   * @throws ConfException exit code 2 when it names no page or belongs to another site
   */
  public static ContentAddress parse(String arg, SiteUrls site) {
    String s = arg == null ? "" : arg.trim();
    if (s.isEmpty()) {
      throw ConfException.usage("no page given");
    }
    if (ID.matcher(s).matches()) {
      return ofId(s);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return fromUrl(s, site);
    }
    Matcher kt = KEY_TITLE.matcher(s);
    if (kt.matches()) {
      return new ContentAddress(null, kt.group(1), kt.group(2), null);
    }
    throw ConfException.usage(
        "'" + s + "' names no page: give an id, SPACEKEY:Title or the page's URL");
  }

  private static ContentAddress fromUrl(String s, SiteUrls site) {
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw ConfException.usage("'" + s + "' is not a valid URL");
    }
    if (uri.getHost() == null) {
      throw ConfException.usage("'" + s + "' has no host name");
    }
    if (site != null && !site.owns(uri)) {
      throw ConfException.usage(
          s
              + " belongs to "
              + uri.getHost()
              + ", not to "
              + site.displayUrl()
              + " (the current profile's site); use --profile for another site");
    }
    String query = uri.getRawQuery();
    if (query != null) {
      Matcher m = PAGE_ID_PARAM.matcher(query);
      if (m.find()) {
        return ofId(m.group(1));
      }
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    Matcher cloud = CLOUD_PAGE.matcher(path);
    if (cloud.find()) {
      return new ContentAddress(
          cloud.group(3),
          null,
          null,
          cloud.group(2).equals("blog") ? ContentType.BLOGPOST : ContentType.PAGE);
    }
    Matcher tiny = TINY.matcher(path);
    if (tiny.find()) {
      return ofId(String.valueOf(tinyLinkId(tiny.group(1))));
    }
    Matcher display = DISPLAY.matcher(path);
    if (display.find()) {
      return new ContentAddress(
          null,
          decode(display.group(1)),
          decode(display.group(3)),
          display.group(2) != null ? ContentType.BLOGPOST : ContentType.PAGE);
    }
    throw ConfException.usage("'" + s + "' is not the URL of a page or blog post");
  }

  /**
   * The page id inside a tiny link ({@code /x/LIQHD}, what the Share button copies): the id's
   * little-endian bytes in base64, with {@code +/} written {@code _-} and trailing {@code A}s cut.
   */
  static long tinyLinkId(String code) {
    StringBuilder b64 = new StringBuilder(code.replace('_', '+').replace('-', '/'));
    while (b64.length() < 8 || b64.length() % 4 != 0) {
      b64.append('A');
    }
    byte[] bytes = java.util.Base64.getDecoder().decode(b64.toString());
    long id = 0;
    for (int i = Math.min(bytes.length, 8) - 1; i >= 0; i--) {
      id = (id << 8) | (bytes[i] & 0xFF);
    }
    return id;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
