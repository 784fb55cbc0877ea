package dev.conf.backend;

import dev.conf.error.ConfException;
import dev.conf.service.Person;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The people a run has looked up, so that each id costs at most one lookup per run however many
 * pages, versions, comments and mentions name it: ids are deduplicated, those already answered (or
 * already asked about in vain) are not asked again, and the rest go to the site in batches of the
 * size its operation takes, one request per batch. A failed batch leaves its ids unnamed; callers
 * show the ids instead. Safe to use from several threads (an export converts pages in parallel).
 */
public final class PeopleCache {
  private final int batch;
  private final Function<List<String>, Map<String, Person>> lookup;
  private final Map<String, Person> known = new HashMap<>();
  private final Set<String> asked = new HashSet<>();

  /**
   * @param batch the most ids one request takes
   * @param lookup one request for at most {@code batch} ids; may answer fewer, may throw
   */
  public PeopleCache(int batch, Function<List<String>, Map<String, Person>> lookup) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be 1 or more");
    }
    this.batch = batch;
    this.lookup = lookup;
  }

  /** Those of {@code ids} the site names, by id; unknown, blank and failed ids are left out. */
  public synchronized Map<String, Person> people(Collection<String> ids) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String id : ids) {
      if (id != null && !id.isBlank()) {
        wanted.add(id);
      }
    }
    List<String> todo = new ArrayList<>();
    for (String id : wanted) {
      if (asked.add(id)) {
        todo.add(id);
      }
    }
    for (int from = 0; from < todo.size(); from += batch) {
      List<String> chunk = todo.subList(from, Math.min(todo.size(), from + batch));
      try {
        lookup
            .apply(List.copyOf(chunk))
            .forEach(
                (id, p) -> {
                  if (id != null && p != null) {
                    known.put(id, p);
                  }
                });
      } catch (ConfException e) {
        // Fall back to ids: a missing name must not fail a read that otherwise worked.
      }
    }
    Map<String, Person> out = new HashMap<>();
    for (String id : wanted) {
      Person p = known.get(id);
      if (p != null) {
        out.put(id, p);
      }
    }
    return out;
  }

  /** Tells the cache about people an answer named anyway (Data Center content carries names). */
  public synchronized void seen(Person p) {
    if (p != null && p.id() != null && p.named()) {
      known.putIfAbsent(p.id(), p);
      asked.add(p.id());
    }
  }
}
