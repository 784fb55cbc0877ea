package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.service.Person;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * People on Data Center by user key: {@code GET /rest/api/user?key=K}, one request per person,
 * since the 10.0.3 document has no bulk lookup. Content answers carry names already; this is for
 * the user keys a body's mentions ({@code <ri:user ri:userkey="...">}) name.
 */
public final class V1Users {
  private final ApiRoots roots;
  private final ApiClient api;

  public V1Users(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
  }

  /** Each key's person; keys the site does not know are left out. */
  public Map<String, Person> users(List<String> userKeys) {
    Map<String, Person> people = new HashMap<>();
    for (String key : userKeys) {
      try {
        Person p = person(api.get(roots.v1("user").addQueryParameter("key", key).build()));
        if (p.id() != null) {
          people.put(p.id(), p);
        }
      } catch (ConfException e) {
        if (e.exitCode() != ExitCode.NOT_FOUND) {
          throw e;
        }
      }
    }
    return people;
  }

  /** A user object of a v1 answer ({@code history.createdBy}, {@code version.by}, ...). */
  public static Person person(JsonNode u) {
    if (u == null || !u.isObject()) {
      return null;
    }
    // Cloud's v1 answers carry an account id (and sometimes a stale user key); Data Center's a key.
    String key = Links.text(u, "accountId");
    if (key == null) {
      key = Links.text(u, "userKey");
    }
    String username = Links.text(u, "username");
    String name = Links.text(u, "displayName");
    if (key == null && username == null && name == null) {
      return null;
    }
    return new Person(key != null ? key : username, username, name);
  }
}
