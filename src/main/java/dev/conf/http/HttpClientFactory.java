package dev.conf.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the process's one OkHttp client: timeouts, User-Agent, proxies from the environment, an
 * optional extra CA bundle (added to the platform's trust, never replacing it; there is no
 * trust-all mode), and the interceptors in the order that matters: retries, then credentials, then
 * (per attempt) the debug log.
 */
public final class HttpClientFactory {
  private HttpClientFactory() {}

  /**
   * Everything the client needs that differs between a real run and a test.
   *
   * @param resumeSpread numbers in [0, 1) that spread the resumes after a shared pause
   */
  public record Settings(
      String userAgent,
      Duration connectTimeout,
      Duration readTimeout,
      Path caCert,
      Map<String, String> env,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      Clock clock,
      RetryInterceptor.Listener retryListener,
      PrintWriter debug,
      DoubleSupplier resumeSpread) {

    /** Resumes spread by a real random source. */
    public Settings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Path caCert,
        Map<String, String> env,
        RetryPolicy retryPolicy,
        Sleeper sleeper,
        Clock clock,
        RetryInterceptor.Listener retryListener,
        PrintWriter debug) {
      this(
          userAgent,
          connectTimeout,
          readTimeout,
          caCert,
          env,
          retryPolicy,
          sleeper,
          clock,
          retryListener,
          debug,
          () -> ThreadLocalRandom.current().nextDouble());
    }
  }

  /**
   * The shared client, without credentials.
   *
   * @param tls false for a site served over plain http: the client then sets up no TLS at all
   *     (OkHttp would otherwise load the platform trust store while it is built) and does not
   *     follow a redirect to https, which {@link ApiClient} reports instead, so the user logs in
   *     with the https URL
   */
  public static OkHttpClient create(Settings s, boolean tls) {
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .connectTimeout(s.connectTimeout())
            .readTimeout(s.readTimeout())
            .writeTimeout(s.readTimeout())
            .followRedirects(true)
            .followSslRedirects(true)
            // OkHttp would silently replay a request whose connection failed, POSTs included; the
            // retry interceptor decides instead, and never replays a POST the server may have seen.
            .retryOnConnectionFailure(false);
    b.addInterceptor(
        chain ->
            chain.proceed(
                chain.request().newBuilder().header("User-Agent", s.userAgent()).build()));
    PrintWriter debug = s.debug();
    RateLimiter limiter =
        new RateLimiter(
            s.clock(),
            s.sleeper(),
            s.resumeSpread(),
            debug == null
                ? null
                : line -> {
                  synchronized (debug) {
                    debug.println("* " + line);
                    debug.flush();
                  }
                });
    b.addInterceptor(
        new RetryInterceptor(
            s.retryPolicy(),
            s.sleeper(),
            s.clock(),
            () -> ThreadLocalRandom.current().nextDouble(),
            s.retryListener(),
            limiter));
    if (s.debug() != null) {
      b.addNetworkInterceptor(new DebugInterceptor(s.debug()));
    }
    if (!tls) {
      b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false);
    }
    EnvProxySelector proxies = EnvProxySelector.fromEnv(s.env());
    if (proxies != null) {
      b.proxySelector(proxies).proxyAuthenticator(proxies.authenticator());
    }
    // The TLS set-up Main started on a second thread (TlsPrestart) when it is for this bundle;
    // else built here as before, from its platform trust manager when it read one.
    TlsPrestart prestart = tls ? TlsPrestart.take() : null;
    TlsPrestart.Tls ready = prestart == null ? null : prestart.forBundle(s.caCert());
    if (ready != null) {
      b.sslSocketFactory(ready.socketFactory(), ready.trustManager());
    } else if (tls && s.caCert() != null) {
      X509TrustManager tm =
          trustManagerWith(s.caCert(), prestart == null ? null : prestart.platformTrustManager());
      try {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {tm}, null);
        b.sslSocketFactory(ssl.getSocketFactory(), tm);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("could not set up TLS", e);
      }
    }
    return b.build();
  }

  /**
   * A client sharing {@code base}'s connections and interceptors that also sends credentials. The
   * auth interceptor runs inside the retry loop, so every attempt carries the header, and before
   * the debug log, which therefore shows (redacted) what was really sent.
   *
   * @param site requests to this host and port carry the Authorization header; no other host's do
   * @param authorization supplies the header value per request
   */
  public static OkHttpClient withAuth(
      OkHttpClient base, HttpUrl site, Supplier<String> authorization) {
    return withAuth(base, site, authorization, null);
  }

  /** As above, with a renewal of the header after a 401 (see {@link AuthInterceptor}). */
  public static OkHttpClient withAuth(
      OkHttpClient base,
      HttpUrl site,
      Supplier<String> authorization,
      java.util.function.UnaryOperator<String> renewAfter401) {
    return base.newBuilder()
        .addInterceptor(new AuthInterceptor(site, authorization, renewAfter401))
        .build();
  }

  /**
   * A client sharing {@code base}'s connections and interceptors plus one more that signs or
   * otherwise authenticates each request (Connect JWT, OAuth 1.0a, session headers). Like {@link
   * #withAuth}, it runs inside the retry loop, so every attempt is signed afresh, and before the
   * debug log.
   */
  public static OkHttpClient withInterceptor(OkHttpClient base, okhttp3.Interceptor interceptor) {
    return base.newBuilder().addInterceptor(interceptor).build();
  }

  /** The platform's trusted CAs plus every certificate in a PEM bundle. */
  static X509TrustManager trustManagerWith(Path pemBundle) {
    return trustManagerWith(pemBundle, null);
  }

  /** The same, from a platform trust manager already read ({@code platform}; null: read it now). */
  static X509TrustManager trustManagerWith(Path pemBundle, X509TrustManager platform) {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      X509TrustManager base = platform != null ? platform : platformTrustManager();
      for (X509Certificate ca : base.getAcceptedIssuers()) {
        ks.setCertificateEntry("platform-" + i++, ca);
      }
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      int added = 0;
      try (InputStream in = Files.newInputStream(pemBundle)) {
        for (Certificate c : cf.generateCertificates(in)) {
          ks.setCertificateEntry("extra-" + added++, c);
        }
      }
      if (added == 0) {
        throw new IllegalArgumentException("no certificate found in " + pemBundle);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return firstX509(tmf);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "could not read CA bundle " + pemBundle + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("bad CA bundle " + pemBundle + ": " + e.getMessage(), e);
    }
  }

  static X509TrustManager platformTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return firstX509(tmf);
  }

  private static X509TrustManager firstX509(TrustManagerFactory tmf) {
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("no X509 trust manager");
  }
}
