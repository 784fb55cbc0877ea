package dev.conf.auth.pkce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conf.auth.OAuthGrants;
import dev.conf.auth.OAuthTokens;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The OAuth 2.0 provider of Confluence Data Center (7.17+; an admin's "incoming link" gives the
 * client id and secret): {@code {base}/rest/oauth2/latest/authorize} and {@code .../token}, form
 * encoded, the authorization code grant with PKCE S256 and no {@code audience}, the refresh grant,
 * and {@code client_credentials} for service accounts. The tokens are then sent to the site itself
 * as Bearer. Neither the secret, the verifier nor a token appears in a message.
 */
public final class DataCenterOAuth implements OAuthGrants {
  /** The scope conf asks for unless told otherwise: reading and writing content. */
  public static final String DEFAULT_SCOPE = "WRITE";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final String base;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final Pkce pkce;

  /**
   * @param base the site's base URL (its context path included)
   * @param pkce the pair of the browser login the code comes from; null for refresh and client
   *     credentials
   */
  public DataCenterOAuth(
      OkHttpClient http, URI base, String clientId, String clientSecret, Clock clock, Pkce pkce) {
    this.http = http;
    this.base = trim(base.toString());
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
    this.pkce = pkce;
  }

  /** The consent page's URL for one login. */
  public static String authorizeUrl(
      URI base, String clientId, String scope, String redirectUri, String state, Pkce pkce) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", clientId);
    q.put("redirect_uri", redirectUri);
    q.put("response_type", "code");
    q.put("scope", scope);
    q.put("state", state);
    q.put("code_challenge", pkce.challenge());
    q.put("code_challenge_method", Pkce.METHOD);
    return trim(base.toString())
        + "/rest/oauth2/latest/authorize?"
        + q.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                            .replace("+", "%20"))
            .collect(Collectors.joining("&"));
  }

  @Override
  public OAuthTokens exchangeCode(String code, String redirectUri) {
    if (pkce == null) {
      throw new IllegalStateException("a code exchange needs the login's PKCE verifier");
    }
    FormBody.Builder f = grant("authorization_code");
    f.add("code", code).add("redirect_uri", redirectUri).add("code_verifier", pkce.verifier());
    try {
      return post(f.build());
    } catch (OAuthGrants.Refused e) {
      throw ConfException.auth(
          base
              + " refused the authorization code ("
              + e.getMessage()
              + "; a code works once and only for minutes): run the login again");
    }
  }

  @Override
  public List<Resource> accessibleResources(String accessToken) {
    throw new UnsupportedOperationException("a Data Center token reaches its own site only");
  }

  @Override
  public OAuthTokens refresh(String refreshToken) {
    FormBody.Builder f = grant("refresh_token");
    f.add("refresh_token", refreshToken);
    return post(f.build());
  }

  @Override
  public OAuthTokens clientCredentials() {
    try {
      return post(grant("client_credentials").build());
    } catch (OAuthGrants.Refused e) {
      throw ConfException.auth(
          base + " refused the service account's client credentials (" + e.getMessage() + ")");
    }
  }

  private FormBody.Builder grant(String type) {
    return new FormBody.Builder()
        .add("grant_type", type)
        .add("client_id", clientId)
        .add("client_secret", clientSecret);
  }

  private OAuthTokens post(FormBody form) {
    String token = base + "/rest/oauth2/latest/token";
    Request request =
        new Request.Builder()
            .url(HttpUrl.get(token))
            .header("Accept", "application/json")
            .post(form)
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody rb = response.body();
      String text = rb == null ? "" : rb.string();
      if (!response.isSuccessful()) {
        throw refusal(response.code(), text);
      }
      JsonNode n = JSON.readTree(text);
      String access = n.path("access_token").asText("");
      if (access.isEmpty()) {
        throw new ConfException(ExitCode.ERROR, token + " answered without an access token");
      }
      JsonNode refresh = n.get("refresh_token");
      JsonNode scope = n.get("scope");
      return new OAuthTokens(
          access,
          refresh == null || refresh.isNull() ? null : refresh.asText(),
          clock.instant().plusSeconds(n.path("expires_in").asLong(3600)),
          scope == null || scope.isNull() ? null : scope.asText());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ConfException(ExitCode.ERROR, token + " answered with something that is not JSON");
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "could not reach " + base + ": " + e.getMessage(), e);
    }
  }

  private ConfException refusal(int status, String text) {
    String error = "";
    String description = "";
    try {
      JsonNode n = JSON.readTree(text);
      error = n.path("error").asText("");
      description = n.path("error_description").asText("");
    } catch (IOException | RuntimeException e) {
      // Not JSON: the status says enough.
    }
    String what = error.isEmpty() ? "HTTP " + status : error;
    if (!description.isEmpty() && !description.equalsIgnoreCase(error)) {
      String d = description.replace('\n', ' ').replace('\r', ' ').trim();
      what += ": " + (d.length() > 200 ? d.substring(0, 199) + "…" : d);
    }
    if (error.equals("invalid_grant")) {
      return new OAuthGrants.Refused(what);
    }
    if (status == 400 || status == 401 || status == 403) {
      return ConfException.auth(
          base
              + " refused the incoming link's client id or secret ("
              + what
              + "): check both under Administration → Application links");
    }
    return new ConfException(
        status >= 500 ? ExitCode.ERROR : ExitCode.AUTH,
        base + " answered HTTP " + status + " to POST /rest/oauth2/latest/token (" + what + ")");
  }

  private static String trim(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
