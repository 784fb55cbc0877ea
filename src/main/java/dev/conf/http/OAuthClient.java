package dev.conf.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conf.auth.AtlassianHosts;
import dev.conf.auth.OAuthGrants;
import dev.conf.auth.OAuthTokens;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Atlassian's OAuth 2.0 endpoints for one app: {@code POST {auth}/oauth/token} (JSON) for the
 * authorization-code, refresh-token and client-credentials grants, every one with the client secret
 * (Atlassian ignores PKCE at the token endpoint), and {@code GET
 * {api}/oauth/token/accessible-resources}. Uses the client without site credentials; neither the
 * secret nor a token ever appears in a message (the debug log shows no bodies).
 */
public final class OAuthClient implements OAuthGrants {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final AtlassianHosts hosts;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;

  public OAuthClient(
      OkHttpClient http, AtlassianHosts hosts, String clientId, String clientSecret, Clock clock) {
    this.http = http;
    this.hosts = hosts;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
  }

  @Override
  public OAuthTokens exchangeCode(String code, String redirectUri) {
    ObjectNode body = grant("authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri);
    try {
      return post(body);
    } catch (OAuthGrants.Refused e) {
      throw ConfException.auth(
          "Atlassian refused the authorization code ("
              + e.getMessage()
              + "; a code works once and only for minutes): run the login again");
    }
  }

  @Override
  public OAuthTokens refresh(String refreshToken) {
    ObjectNode body = grant("refresh_token");
    body.put("refresh_token", refreshToken);
    return post(body);
  }

  @Override
  public OAuthTokens clientCredentials() {
    ObjectNode body = grant("client_credentials");
    body.put("audience", "api.atlassian.com");
    try {
      return post(body);
    } catch (OAuthGrants.Refused e) {
      throw ConfException.auth(
          "Atlassian refused the service account's client credentials (" + e.getMessage() + ")");
    }
  }

  @Override
  public List<Resource> accessibleResources(String accessToken) {
    Request request =
        new Request.Builder()
            .url(HttpUrl.get(hosts.accessibleResources().toString()))
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json")
            .tag(RetryStats.class, new RetryStats())
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = body(response);
      if (!response.isSuccessful()) {
        throw new ConfException(
            ApiClient.exitCodeFor(response.code()),
            hosts.api()
                + " answered HTTP "
                + response.code()
                + " to GET /oauth/token/accessible-resources"
                + suffix(text));
      }
      List<Resource> out = new ArrayList<>();
      for (JsonNode r : Json.parse(text)) {
        List<String> scopes = new ArrayList<>();
        r.path("scopes").forEach(s -> scopes.add(s.asText()));
        out.add(
            new Resource(
                r.path("id").asText(), r.path("name").asText(), r.path("url").asText(), scopes));
      }
      return out;
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not reach " + hosts.api() + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode grant(String type) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("grant_type", type);
    body.put("client_id", clientId);
    body.put("client_secret", clientSecret);
    return body;
  }

  private OAuthTokens post(ObjectNode body) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Request request =
        new Request.Builder()
            .url(HttpUrl.get(hosts.token().toString()))
            .post(RequestBody.create(bytes, JSON))
            .header("Accept", "application/json")
            .tag(RetryStats.class, new RetryStats())
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = body(response);
      if (!response.isSuccessful()) {
        throw refusal(response.code(), text);
      }
      JsonNode n = Json.parse(text);
      String access = n.path("access_token").asText("");
      if (access.isEmpty()) {
        throw new ConfException(
            ExitCode.ERROR, hosts.auth() + "/oauth/token answered without an access token");
      }
      long expiresIn = n.path("expires_in").asLong(3600);
      JsonNode refresh = n.get("refresh_token");
      JsonNode scope = n.get("scope");
      return new OAuthTokens(
          access,
          refresh == null || refresh.isNull() ? null : refresh.asText(),
          clock.instant().plusSeconds(expiresIn),
          scope == null || scope.isNull() ? null : scope.asText());
    } catch (JsonProcessingException e) {
      throw new ConfException(
          ExitCode.ERROR, hosts.auth() + "/oauth/token answered with something that is not JSON");
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not reach " + hosts.auth() + ": " + e.getMessage(), e);
    }
  }

  /** invalid_grant is a spent or revoked grant; access_denied and the like a wrong app secret. */
  private ConfException refusal(int status, String text) {
    String error = "";
    String description = "";
    try {
      JsonNode n = Json.parse(text);
      error = n.path("error").asText("");
      description = n.path("error_description").asText("");
    } catch (IOException | RuntimeException e) {
      // Not JSON: the status says enough.
    }
    String what = error.isEmpty() ? "HTTP " + status : error;
    if (!description.isEmpty() && !description.equalsIgnoreCase(error)) {
      what += ": " + oneLine(description);
    }
    if (error.equals("invalid_grant")) {
      return new OAuthGrants.Refused(what);
    }
    if (status == 401 || status == 403 || error.equals("access_denied")) {
      return ConfException.auth(
          "Atlassian refused the app's client id or secret ("
              + what
              + "): check both in the developer console; the secret is required, Atlassian"
              + " accepts no PKCE-only clients");
    }
    return new ConfException(
        ApiClient.exitCodeFor(status),
        hosts.auth() + " answered HTTP " + status + " to POST /oauth/token (" + what + ")");
  }

  private static String body(Response response) throws IOException {
    ResponseBody rb = response.body();
    return rb == null ? "" : rb.string();
  }

  private static String suffix(String text) {
    String m = ApiClient.errorMessage(text);
    return m.isEmpty() ? "" : ": " + m;
  }

  private static String oneLine(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ').trim();
    return t.length() > 200 ? t.substring(0, 199) + "…" : t;
  }
}
