package dev.conf.config;

import dev.conf.util.AtomicMove;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Space keys and page titles that earlier commands saw, per profile, for shell completion: a small
 * tab-separated file in the user cache dir ({@code names/PROFILE.tsv}: {@code S KEY} or {@code P
 * KEY TITLE} lines, newest last, at most {@link #MAX} of them). Completion reads it and never the
 * network. Best effort throughout: a cache that cannot be read or written changes nothing else.
 * Holds no secret; page titles are what the user could list anyway.
 */
public final class NameCache {
  static final int MAX = 5000;

  private final Path file;

  public NameCache(Map<String, String> env, String profile) {
    String safe = profile.replaceAll("[^A-Za-z0-9._-]", "_");
    this.file = ConfigPaths.cacheDir(env).resolve("names").resolve(safe + ".tsv");
  }

  public Path file() {
    return file;
  }

  /** Adds space keys. */
  public void spaces(List<String> keys) {
    List<String> lines = new ArrayList<>();
    for (String k : keys) {
      if (clean(k)) {
        lines.add("S\t" + k);
      }
    }
    add(lines);
  }

  /** Adds pages, as {@code {spaceKey, title}} pairs; their spaces too. */
  public void pages(List<String[]> keyAndTitle) {
    List<String> lines = new ArrayList<>();
    for (String[] p : keyAndTitle) {
      if (p.length == 2 && clean(p[0]) && clean(p[1])) {
        lines.add("S\t" + p[0]);
        lines.add("P\t" + p[0] + "\t" + p[1]);
      }
    }
    add(lines);
  }

  /** Space keys starting with {@code prefix} (case-insensitively), sorted. */
  public List<String> spaceKeys(String prefix) {
    Set<String> out = new java.util.TreeSet<>();
    for (String line : read()) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("S") && f.length == 2 && startsWith(f[1], prefix)) {
        out.add(f[1]);
      }
    }
    return List.copyOf(out);
  }

  /** Titles of {@code key}'s pages starting with {@code prefix} (case-insensitively), sorted. */
  public List<String> titles(String key, String prefix) {
    Set<String> out = new java.util.TreeSet<>();
    for (String line : read()) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("P")
          && f.length == 3
          && f[1].equalsIgnoreCase(key)
          && startsWith(f[2], prefix)) {
        out.add(f[2]);
      }
    }
    return List.copyOf(out);
  }

  private static boolean startsWith(String value, String prefix) {
    return value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
  }

  private static boolean clean(String s) {
    return s != null
        && !s.isBlank()
        && s.indexOf('\t') < 0
        && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0;
  }

  private List<String> read() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private void add(List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    // Newest last: a name seen again moves to the end, the oldest fall off past MAX.
    Set<String> all = new LinkedHashSet<>(read());
    all.removeAll(lines);
    all.addAll(lines);
    List<String> kept = new ArrayList<>(all);
    if (kept.size() > MAX) {
      kept = kept.subList(kept.size() - MAX, kept.size());
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "names", ".tmp");
      Files.write(tmp, kept, StandardCharsets.UTF_8);
      AtomicMove.replace(tmp, file);
    } catch (IOException | RuntimeException e) {
      // Completion is a convenience: never fail a command over it.
    }
  }
}
