package dev.conf.auth.oauth1;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The three HTTP steps of an OAuth 1.0a login against a Data Center application link: {@code POST
 * {base}/plugins/servlet/oauth/request-token} (signed, with {@code oauth_callback}), the {@code
 * authorize} URL the user opens to approve, and {@code POST .../access-token} with the request
 * token and the verifier. Takes a client without site credentials. Neither token secret ever
 * appears in a message.
 */
public final class OAuth1Dance {
  /** The callback for a verifier the user pastes on the terminal (RFC 5849 2.1). */
  public static final String OUT_OF_BAND = "oob";

  /** A request token, waiting for the user's approval. */
  public record RequestToken(String token, String secret) {
    @Override
    public String toString() {
      return "RequestToken[" + token + "]";
    }
  }

  /** The access token every later request is signed with. */
  public record AccessToken(String token, String secret) {
    @Override
    public String toString() {
      return "AccessToken[" + token + "]";
    }
  }

  private final OkHttpClient http;
  private final HttpUrl base;
  private final OAuth1Signer signer;

  public OAuth1Dance(OkHttpClient http, HttpUrl base, OAuth1Signer signer) {
    this.http = http;
    this.base = base;
    this.signer = signer;
  }

  /** Step 1: a request token, with {@code oob} or a loopback callback URL. */
  public RequestToken requestToken(String callback) throws IOException {
    Map<String, String> reply =
        post("request-token", null, Map.of("oauth_callback", callback), "a request token");
    String token = reply.get("oauth_token");
    if (token == null || token.isEmpty()) {
      throw malformed("request-token");
    }
    return new RequestToken(token, reply.getOrDefault("oauth_token_secret", ""));
  }

  /** Step 2: the page where the user approves the request token. */
  public HttpUrl authorizeUrl(RequestToken token) {
    return endpoint("authorize")
        .newBuilder()
        .addQueryParameter("oauth_token", token.token())
        .build();
  }

  /** {@link #authorizeUrl} as text, for commands (which never touch HTTP types). */
  public String authorizePage(RequestToken token) {
    return authorizeUrl(token).toString();
  }

  /** Step 3: the access token, for the request token the user approved and its verifier. */
  public AccessToken accessToken(RequestToken token, String verifier) throws IOException {
    Map<String, String> reply =
        post(
            "access-token",
            token.token(),
            Map.of("oauth_verifier", verifier.trim()),
            "the access token");
    String access = reply.get("oauth_token");
    if (access == null || access.isEmpty()) {
      throw malformed("access-token");
    }
    return new AccessToken(access, reply.getOrDefault("oauth_token_secret", ""));
  }

  private HttpUrl endpoint(String step) {
    return base.newBuilder().addPathSegments("plugins/servlet/oauth/" + step).build();
  }

  private Map<String, String> post(
      String step, String token, Map<String, String> extra, String what) throws IOException {
    HttpUrl url = endpoint(step);
    String auth = signer.authorization("POST", url.uri(), token, extra, List.of());
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", auth)
            .post(RequestBody.create(new byte[0], null))
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody rb = response.body();
      String body = rb == null ? "" : rb.string();
      Map<String, String> form = new LinkedHashMap<>();
      for (Param p : PercentEncoding.parseForm(body.trim())) {
        form.putIfAbsent(p.name(), p.value());
      }
      String problem = form.get("oauth_problem");
      if (problem == null) {
        String header = response.header("WWW-Authenticate");
        problem = header == null ? null : OAuth1Signer.parseHeader(header).get("oauth_problem");
      }
      if (!response.isSuccessful() || problem != null) {
        throw refused(response.code(), problem, what);
      }
      return form;
    }
  }

  private ConfException malformed(String step) {
    return new ConfException(
        ExitCode.ERROR,
        base.host() + " answered POST /plugins/servlet/oauth/" + step + " without an oauth_token");
  }

  /** One line per oauth_problem Atlassian's provider sends, saying what to do. */
  ConfException refused(int status, String problem, String what) {
    String site = base.host();
    String consumer = signer.consumerKey();
    String advice =
        switch (problem == null ? "" : problem) {
          case "signature_method_rejected" ->
              "the application link accepts only RSA-SHA1 signatures; check that the link is set"
                  + " up as OAuth with an RSA public key";
          case "consumer_key_unknown" ->
              "no application link on "
                  + site
                  + " has consumer key "
                  + consumer
                  + "; ask an admin to create one (README: OAuth 1.0a)";
          case "signature_invalid" ->
              "the signature did not verify: the public key in the application link must be the"
                  + " one made from --private-key";
          case "timestamp_refused" ->
              "the server refused the timestamp: check this machine's clock";
          case "nonce_used" -> "the server saw this nonce before: run the login again";
          case "token_rejected", "token_expired" ->
              "the token was rejected or expired: run conf auth login --type oauth1 again";
          case "permission_denied", "permission_unknown" ->
              "the request was not approved: open the authorize page again and click Allow";
          case "" -> "HTTP " + status;
          default -> "oauth_problem=" + problem;
        };
    return new ConfException(ExitCode.AUTH, site + " refused " + what + " (OAuth 1.0a): " + advice);
  }
}
