package dev.conf.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The throw-away key and chain {@code http/TlsPrestart} warms up with ({@code tls-warmup-*.pem}),
 * as a server's TLS context: for tests that need a real TLS server on loopback whose CA they can
 * hand to conf ({@link #resource}{@code ("tls-warmup-ca.pem")}).
 */
public final class WarmUpTls {
  private WarmUpTls() {}

  public static byte[] resource(String name) throws Exception {
    try (InputStream in = dev.conf.http.TlsPrestart.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/conf/http/" + name);
      }
      return in.readAllBytes();
    }
  }

  /** A server context presenting the warm-up chain with its key. */
  public static SSLContext serverContext() throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    Certificate[] chain =
        cf.generateCertificates(new ByteArrayInputStream(resource("tls-warmup-chain.pem")))
            .toArray(Certificate[]::new);
    StringBuilder b64 = new StringBuilder();
    for (String line :
        new String(resource("tls-warmup-key.pem"), StandardCharsets.US_ASCII).split("\n")) {
      if (!line.startsWith("-----")) {
        b64.append(line.strip());
      }
    }
    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64.toString())));
    char[] password = "test".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("site", key, password, chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    return ssl;
  }
}
