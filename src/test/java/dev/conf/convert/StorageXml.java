package dev.conf.convert;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses storage format as XML with the JDK's own parser: the proof that a document is well-formed.
 * Storage is a fragment with undeclared {@code ac:}/{@code ri:} prefixes, so it is wrapped in a
 * root element that declares them (and the HTML entities Confluence allows).
 */
final class StorageXml {
  private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();

  static {
    FACTORY.setNamespaceAware(true);
    FACTORY.setExpandEntityReferences(true);
  }

  private StorageXml() {}

  static Document parse(String storage) {
    String xml =
        "<!DOCTYPE root [<!ENTITY nbsp \"&#160;\"><!ENTITY ndash \"&#8211;\">"
            + "<!ENTITY mdash \"&#8212;\"><!ENTITY rsquo \"&#8217;\">]>"
            + "<root xmlns:ac=\"http://atlassian.com/content\""
            + " xmlns:ri=\"http://atlassian.com/resource/identifier\">"
            + storage
            + "</root>";
    try {
      return FACTORY.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException(e);
    } catch (SAXException e) {
      throw new AssertionError("not well-formed storage: " + e.getMessage() + "\n" + storage, e);
    }
  }
}
