package dev.conf.backend.cloud;

import dev.conf.backend.ApiRoots;
import dev.conf.backend.CloudRoutes;
import dev.conf.backend.Links;
import dev.conf.backend.PeopleCache;
import dev.conf.backend.v1.CloudV1;
import dev.conf.backend.v1.V1Site;
import dev.conf.backend.v2.V2Site;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.service.Capabilities;
import dev.conf.service.ConfluenceService;
import dev.conf.service.Person;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import dev.conf.service.SearchQuery;
import dev.conf.service.SearchResults;
import dev.conf.service.Space;
import dev.conf.service.SpaceQuery;
import dev.conf.service.User;
import dev.conf.util.Json;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Confluence Cloud, as a routing table: REST v2 ({@code /wiki/api/v2}) wherever it has the
 * operation, v1 ({@code /wiki/rest/api}) where it does not and the profile's {@link CloudRoutes}
 * reach it. Documents: {@code confluence-cloud-v2.openapi.json} and {@code
 * confluence-cloud-v1.openapi.json}.
 */
public final class CloudBackend implements ConfluenceService {
  private final V1Site v1;
  private final V2Site v2;
  private final CloudPages pages;
  private final CloudPageItems items;
  private final Capabilities capabilities;
  private final PeopleCache people;

  public CloudBackend(ApiRoots roots, ApiClient api, CloudRoutes routes) {
    this.v1 = new V1Site(roots, api);
    this.v2 = new V2Site(roots, api);
    CloudV1 cloudV1 = new CloudV1(roots, api);
    this.people = new PeopleCache(CloudV1.USERS_PER_REQUEST, cloudV1::users);
    this.capabilities = routes.capabilities();
    this.pages = new CloudPages(roots, api, v2::spaceId, cloudV1, capabilities);
    this.items = new CloudPageItems(roots, api, cloudV1, capabilities);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** v1: v2 has no current-user operation. */
  @Override
  public User currentUser() {
    return v1.currentUser();
  }

  /** v2. */
  @Override
  public List<Space> listSpaces(SpaceQuery query, long limit) {
    return v2.listSpaces(query, limit);
  }

  /** v2, by key. */
  @Override
  public Space getSpace(String key) {
    return v2.getSpace(key);
  }

  /** v1: v2 has no CQL search. */
  @Override
  public SearchResults search(SearchQuery query, long limit) {
    return v1.search(query, limit);
  }

  /** v1 content search: v2 has no CQL, nor a listing with labels and properties. */
  @Override
  public List<PublishedPage> publishedPages(String spaceKey, String rootId) {
    return v1.publishedPages(spaceKey, rootId);
  }

  /** v2 content properties. */
  @Override
  public PublishedPage recordPublish(String pageId, PublishRecord record, PublishedPage existing) {
    return v2.recordPublish(pageId, record, existing);
  }

  @Override
  public CloudPages pages() {
    return pages;
  }

  @Override
  public CloudPageItems items() {
    return items;
  }

  /**
   * v1 {@code user/bulk}, {@value CloudV1#USERS_PER_REQUEST} account ids a request, each id once
   * per run: v2 content answers carry account ids only. (Why v1: {@link CloudV1#users}.)
   */
  @Override
  public Map<String, Person> people(Collection<String> ids) {
    return people.people(ids);
  }

  /**
   * Reads a Cloud site's id from {@code https://<site>/_edge/tenant_info}, a public endpoint
   * outside the REST documents. Scoped tokens only work through {@code
   * api.atlassian.com/ex/confluence/<cloudId>}.
   */
  public static String cloudId(OkHttpClient http, URI siteUrl) {
    HttpUrl url =
        HttpUrl.get(siteUrl.toString()).newBuilder().encodedPath("/_edge/tenant_info").build();
    Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new ConfException(
            ExitCode.ERROR,
            "could not read the cloud id of "
                + siteUrl
                + " (HTTP "
                + response.code()
                + " from "
                + url
                + ")");
      }
      String id = Links.text(Json.mapper().readTree(body.string()), "cloudId");
      if (id == null) {
        throw new ConfException(ExitCode.ERROR, url + " did not say the site's cloudId");
      }
      return id;
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "could not reach " + url + ": " + e.getMessage(), e);
    }
  }
}
