package dev.conf.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The TLS set-up of a command that will talk to an {@code https://} site, started on a daemon
 * thread on the first line of {@code Main} so that it runs on the second core while the main thread
 * parses the command line, reads the profile and builds the command (issue 16: the JCA provider
 * probe, the trust store's parse and the {@code SSLContext} took about 0.14 s before the
 * ClientHello, on the main thread).
 *
 * <p>What it builds is exactly what {@link HttpClientFactory#create} would build inline: the
 * platform trust manager (the JDK's trust store, or {@code javax.net.ssl.trustStore}), with the
 * {@code --ca-cert} bundle merged in when the command line names one, and an {@code SSLContext}
 * over it. Nothing outlives the process, so no trust decision is cached. {@link
 * HttpClientFactory#create} takes it when the bundle it was asked for is the one prepared, waits
 * for it if it is still being built, and builds its own as before when it is another or the
 * preparation failed (so a bad bundle fails with the same message as without this class).
 *
 * <p>With {@code CONF_TLS_PRESTART=warm}, after handing the context over, the thread also runs one
 * TLS handshake between two in-memory {@link SSLEngine}s with a throw-away certificate authority
 * and key ({@code tls-warmup-*.pem}, EC P-256, trusted by nothing but the warm-up's own engine): no
 * socket, no network, no trust outside it. That runs the handshake code (key shares, HKDF, ECDSA
 * signatures, the PKIX path check, AES-GCM records) once before the real handshake needs it.
 * Measured in paired runs it cost 9-15 % more CPU and saved no wall time (the classes are archived
 * already, and one handshake compiles little), so it is off by default and kept for measuring on
 * other machines.
 *
 * <p>{@code CONF_TLS_PRESTART=0} turns the whole preparation off (for measuring, or should it ever
 * get in the way).
 */
public final class TlsPrestart {
  /** The prepared TLS of the process's one client. */
  public record Tls(Path caCert, X509TrustManager trustManager, SSLSocketFactory socketFactory) {}

  /** What the command line and environment say: a request to an https site is coming. */
  record Plan(Path caCert, boolean warm) {}

  /** Nouns (and auth verbs) that never make a request: no TLS to prepare. */
  private static final Set<String> LOCAL_NOUNS =
      Set.of("help", "config", "completion", "convert", "__cds-training");

  private static final Set<String> LOCAL_AUTH_VERBS = Set.of("logout", "switch");

  private static volatile TlsPrestart started;

  private final Plan plan;
  private final CompletableFuture<X509TrustManager> platform = new CompletableFuture<>();
  private final CompletableFuture<Tls> tls = new CompletableFuture<>();
  private final CompletableFuture<Boolean> warmed = new CompletableFuture<>();

  private TlsPrestart(Plan plan) {
    this.plan = plan;
  }

  /**
   * Starts the preparation when {@code args} and {@code env} say the command will make a request to
   * an https site.
   *
   * @param configText the config file's text, or null when there is none (read only when the
   *     environment names no site)
   */
  public static void start(String[] args, Map<String, String> env, Supplier<String> configText) {
    Plan plan = plan(args, env, configText);
    if (plan != null) {
      startWith(plan);
    }
  }

  static TlsPrestart startWith(Plan plan) {
    TlsPrestart p = new TlsPrestart(plan);
    Thread t = new Thread(p::run, "conf-tls-prestart");
    t.setDaemon(true);
    started = p;
    t.start();
    return p;
  }

  /**
   * Whether to prepare, and for which bundle: not for {@code --help}/{@code --version}, a local
   * command, or a site named {@code http://}; when the environment names no site, only when the
   * config file names an https one.
   */
  static Plan plan(String[] args, Map<String, String> env, Supplier<String> configText) {
    String mode = env.getOrDefault("CONF_TLS_PRESTART", "");
    if (mode.equals("0") || mode.equalsIgnoreCase("off") || args.length == 0) {
      return null;
    }
    String caCert = null;
    String url = null;
    String noun = null;
    String verb = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      }
      switch (a) {
        case "--help", "-h", "--version", "-V" -> {
          return null;
        }
        case "--ca-cert" -> {
          caCert = i + 1 < args.length ? args[++i] : null;
          continue;
        }
        case "--url" -> {
          url = i + 1 < args.length ? args[++i] : null;
          continue;
        }
        case "--profile", "--deployment" -> {
          i++;
          continue;
        }
        default -> {}
      }
      if (a.startsWith("--ca-cert=")) {
        caCert = a.substring("--ca-cert=".length());
      } else if (a.startsWith("--url=")) {
        url = a.substring("--url=".length());
      } else if (!a.startsWith("-")) {
        if (noun == null) {
          noun = a;
        } else if (verb == null) {
          verb = a;
        }
      }
    }
    if (noun == null
        || LOCAL_NOUNS.contains(noun)
        || noun.equals("auth") && (verb == null || LOCAL_AUTH_VERBS.contains(verb))) {
      return null;
    }
    if (url == null) {
      url = env.get("CONFLUENCE_URL");
    }
    if (url != null && !url.isBlank()) {
      if (!url.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
        return null;
      }
    } else {
      String config = configText.get();
      if (config == null || !config.contains("https://")) {
        return null;
      }
    }
    // The warm-up handshake is opt-in: measured, it cost 9-15 % more CPU and gained no wall time
    // (docs/performance.md).
    boolean warm = mode.equalsIgnoreCase("warm");
    return new Plan(caCert == null || caCert.isBlank() ? null : Path.of(caCert), warm);
  }

  /** The preparation started for this process, handed over once (the next call answers null). */
  static TlsPrestart take() {
    TlsPrestart p = started;
    started = null;
    return p;
  }

  /** The prepared TLS when it is for this bundle (null: none), waiting for it; else null. */
  Tls forBundle(Path caCert) {
    if (!Objects.equals(plan.caCert(), caCert)) {
      return null;
    }
    try {
      return tls.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The platform trust manager it read (waiting for it), or null when that failed. */
  X509TrustManager platformTrustManager() {
    try {
      return platform.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Whether the warm-up handshake completed (waiting for it; false when it failed or was off). */
  boolean warmedUp() {
    try {
      return warmed.get();
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run() {
    try {
      X509TrustManager p;
      try {
        p = HttpClientFactory.platformTrustManager();
        platform.complete(p);
      } catch (GeneralSecurityException | RuntimeException e) {
        platform.completeExceptionally(e);
        throw e;
      }
      X509TrustManager tm =
          plan.caCert() == null ? p : HttpClientFactory.trustManagerWith(plan.caCert(), p);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {tm}, null);
      SSLSocketFactory factory = ssl.getSocketFactory();
      // OkHttp's platform probe (it asks for the first security provider) and its client
      // defaults, with nothing kept: the real client is built on the main thread.
      new OkHttpClient.Builder().sslSocketFactory(factory, tm).build();
      tls.complete(new Tls(plan.caCert(), tm, factory));
    } catch (Exception | Error e) {
      platform.completeExceptionally(e);
      tls.completeExceptionally(e);
    }
    if (!plan.warm()) {
      warmed.complete(false);
      return;
    }
    try {
      warmed.complete(warmUpHandshake());
    } catch (Exception | Error e) {
      warmed.completeExceptionally(e);
    }
  }

  /**
   * One TLS handshake and one record each way between two in-memory engines, with the throw-away
   * warm-up CA and key; true when both sides saw the other's data.
   */
  static boolean warmUpHandshake() throws GeneralSecurityException, IOException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    X509Certificate[] chain =
        cf.generateCertificates(new ByteArrayInputStream(resource("tls-warmup-chain.pem"))).stream()
            .map(X509Certificate.class::cast)
            .toArray(X509Certificate[]::new);
    X509Certificate ca =
        (X509Certificate)
            cf.generateCertificate(new ByteArrayInputStream(resource("tls-warmup-ca.pem")));
    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(pemBody(resource("tls-warmup-key.pem"))));
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    anchors.setCertificateEntry("warm-up-ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors);
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, tmf.getTrustManagers(), null);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(new KeyManager[] {new OneKey(key, chain)}, null, null);

    SSLEngine client = clientContext.createSSLEngine("conf-tls-warmup.invalid", 443);
    client.setUseClientMode(true);
    javax.net.ssl.SSLParameters params = client.getSSLParameters();
    params.setApplicationProtocols(new String[] {"h2", "http/1.1"});
    client.setSSLParameters(params);
    SSLEngine server = serverContext.createSSLEngine();
    server.setUseClientMode(false);
    server.setHandshakeApplicationProtocolSelector((engine, offered) -> "http/1.1");
    return exchange(client, server);
  }

  private static boolean exchange(SSLEngine client, SSLEngine server) throws SSLException {
    int packet =
        Math.max(
            client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
    int app =
        Math.max(
            client.getSession().getApplicationBufferSize(),
            server.getSession().getApplicationBufferSize());
    ByteBuffer toServer = ByteBuffer.allocate(packet);
    ByteBuffer toClient = ByteBuffer.allocate(packet);
    ByteBuffer atServer = ByteBuffer.allocate(app);
    ByteBuffer atClient = ByteBuffer.allocate(app);
    ByteBuffer request =
        ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer response =
        ByteBuffer.wrap("HTTP/1.1 204 \r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    client.beginHandshake();
    server.beginHandshake();
    for (int round = 0; round < 50; round++) {
      step(client.wrap(request, toServer), client);
      step(server.wrap(response, toClient), server);
      toServer.flip();
      toClient.flip();
      while (toServer.hasRemaining()
          && step(server.unwrap(toServer, atServer), server).bytesConsumed() > 0) {
        // one record at a time
      }
      while (toClient.hasRemaining()
          && step(client.unwrap(toClient, atClient), client).bytesConsumed() > 0) {
        // one record at a time
      }
      toServer.compact();
      toClient.compact();
      if (atServer.position() > 0 && atClient.position() > 0) {
        return true;
      }
    }
    return false;
  }

  private static SSLEngineResult step(SSLEngineResult result, SSLEngine engine) {
    if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
      Runnable task;
      while ((task = engine.getDelegatedTask()) != null) {
        task.run();
      }
    }
    return result;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TlsPrestart.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return in.readAllBytes();
    }
  }

  /** The DER bytes of a PEM file's one block. */
  private static byte[] pemBody(byte[] pem) {
    StringBuilder b64 = new StringBuilder();
    for (String line : new String(pem, StandardCharsets.US_ASCII).split("\n")) {
      if (!line.startsWith("-----")) {
        b64.append(line.strip());
      }
    }
    return Base64.getDecoder().decode(b64.toString());
  }

  /** The warm-up server's one key and chain. */
  private static final class OneKey extends X509ExtendedKeyManager {
    private static final String ALIAS = "warm-up";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    OneKey(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return "EC".equals(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }
  }
}
