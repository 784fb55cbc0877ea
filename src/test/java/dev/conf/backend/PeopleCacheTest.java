package dev.conf.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Person;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each id at most once per run, in batches of the operation's size; failures leave ids unnamed. */
class PeopleCacheTest {
  final List<List<String>> requests = new ArrayList<>();

  /** A site that names everyone whose id does not start with "ghost". */
  Map<String, Person> site(List<String> ids) {
    requests.add(ids);
    Map<String, Person> out = new HashMap<>();
    for (String id : ids) {
      if (!id.startsWith("ghost")) {
        out.put(id, new Person(id, null, "Name of " + id));
      }
    }
    return out;
  }

  @Test
  void dedupesAndSkipsBlankIdsAndAsksInBatches() {
    PeopleCache cache = new PeopleCache(2, this::site);
    Map<String, Person> got = cache.people(Arrays.asList("a", "b", null, "a", " ", "c", "b"));
    assertThat(requests).containsExactly(List.of("a", "b"), List.of("c"));
    assertThat(got).containsOnlyKeys("a", "b", "c");
    assertThat(got.get("c").displayName()).isEqualTo("Name of c");
  }

  @Test
  void asksForNoIdTwiceInARunNotEvenOneTheSiteDidNotName() {
    PeopleCache cache = new PeopleCache(100, this::site);
    cache.people(List.of("a", "ghost-1"));
    Map<String, Person> again = cache.people(List.of("a", "ghost-1", "d"));
    assertThat(requests).containsExactly(List.of("a", "ghost-1"), List.of("d"));
    assertThat(again).containsOnlyKeys("a", "d");
    cache.people(List.of("a", "d"));
    assertThat(requests).hasSize(2);
  }

  @Test
  void aFailedBatchLeavesItsIdsUnnamedAndTheOthersNamed() {
    PeopleCache cache =
        new PeopleCache(
            2,
            ids -> {
              requests.add(ids);
              if (ids.contains("boom")) {
                throw new ConfException(ExitCode.AUTH, "forbidden");
              }
              return site(ids);
            });
    Map<String, Person> got = cache.people(List.of("boom", "x", "y"));
    assertThat(got).containsOnlyKeys("y");
    cache.people(List.of("boom", "x"));
    assertThat(requests.stream().filter(r -> r.contains("boom")).count()).isEqualTo(1);
  }

  @Test
  void peopleAnAnswerNamedCostNoRequest() {
    PeopleCache cache = new PeopleCache(1, this::site);
    cache.seen(new Person("k-ann", "ann", "Ann Author"));
    cache.seen(new Person("k-nameless", "nobody", null));
    Map<String, Person> got = cache.people(List.of("k-ann", "k-nameless"));
    assertThat(got.get("k-ann").displayName()).isEqualTo("Ann Author");
    assertThat(requests).containsExactly(List.of("k-nameless"));
  }

  @Test
  void thousandIdsCostCeilOfTheBatchSize() {
    PeopleCache cache = new PeopleCache(100, this::site);
    List<String> ids = IntStream.range(0, 1000).mapToObj(i -> "u" + (i % 250)).toList();
    assertThat(cache.people(ids)).hasSize(250);
    assertThat(requests).hasSize(3);
  }

  @Test
  void refusesAZeroBatch() {
    assertThatThrownBy(() -> new PeopleCache(0, this::site))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
