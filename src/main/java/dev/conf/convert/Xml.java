package dev.conf.convert;

/** Escaping for the storage format we write. */
final class Xml {
  private Xml() {}

  static String text(String s) {
    return escape(s, false);
  }

  static String attr(String s) {
    return escape(s, true);
  }

  /** A CDATA section; {@code ]]>} cannot occur inside one, so it is split across two. */
  static String cdata(String s) {
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> attribute ? "&quot;" : null;
            default -> isXmlChar(c) ? null : "\uFFFD";
          };
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Control characters other than tab and newlines are not allowed in XML 1.0 at all. */
  private static boolean isXmlChar(char c) {
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
  }
}
