package dev.conf.cli;

import dev.conf.error.ConfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The non-secret settings {@code conf config} reads and writes: their names, what each means, the
 * environment variable that overrides it, and the check a value must pass. Only settings conf reads
 * are here (each names where, in {@link CommandContext}); a key nobody reads is not offered. Stored
 * in config.json (for every profile, or one profile's); a secret is never a setting.
 */
public final class Settings {
  private Settings() {}

  /** One setting. {@code check} returns the value to store, or throws a usage error. */
  public record Key(String name, String meaning, List<String> env, UnaryOperator<String> check) {}

  private static final Pattern SPACE_KEY = Pattern.compile("~?[A-Za-z0-9_.-]+");

  /** The keys other classes read by name. */
  public static final String EDITOR = "editor";

  public static final String PAGER = "pager";
  public static final String CONCURRENCY = "concurrency";

  /** The range of {@code concurrency} (as {@code conf export --concurrency} takes it). */
  public static final int MAX_CONCURRENCY = 32;

  public static final Map<String, Key> KEYS = keys();

  private static Map<String, Key> keys() {
    Map<String, Key> keys = new LinkedHashMap<>();
    add(
        keys,
        "space",
        "the default space key: what --space means when not given (page/blog list and create,"
            + " publish); `auth login --space` saves it too",
        List.of("CONF_SPACE"),
        v -> matching(v, SPACE_KEY, "a space key such as DOCS or ~jane"));
    add(
        keys,
        "ca-cert",
        "a PEM file of CA certificates to trust too (as --ca-cert)",
        List.of(),
        Settings::existingFile);
    add(
        keys,
        CommandContext.READ_ONLY,
        "true: refuse every command that would change the site (as `auth login --read-only`)",
        List.of("CONF_READ_ONLY"),
        v -> oneOf(v, "true", "false"));
    add(
        keys,
        EDITOR,
        "the editor `conf page edit` runs, e.g. 'code --wait' (default: $VISUAL, else $EDITOR)",
        List.of("CONF_EDITOR"),
        v -> nonBlank(v, "an editor command"));
    add(
        keys,
        PAGER,
        "the pager for long output on a terminal (default: $PAGER, else less -FRX); cat or an"
            + " empty value turns paging off",
        List.of("CONF_PAGER"),
        String::trim);
    add(
        keys,
        CONCURRENCY,
        "the default of --concurrency, the requests `conf export` sends at once: 1 to "
            + MAX_CONCURRENCY
            + " (default 8)",
        List.of("CONF_CONCURRENCY"),
        v -> between(v, 1, MAX_CONCURRENCY));
    return java.util.Collections.unmodifiableMap(keys);
  }

  private static void add(
      Map<String, Key> keys,
      String name,
      String meaning,
      List<String> env,
      UnaryOperator<String> check) {
    keys.put(name, new Key(name, meaning, env, check));
  }

  /** The key, or a usage error listing the known ones. */
  public static Key key(String name) {
    Key key = KEYS.get(name == null ? "" : name.toLowerCase(Locale.ROOT));
    if (key == null) {
      throw ConfException.usage(
          "unknown setting '" + name + "'; settings: " + String.join(", ", KEYS.keySet()));
    }
    return key;
  }

  /** The value as stored, after the key's check. */
  public static String validate(String name, String value) {
    return key(name).check().apply(value);
  }

  private static String matching(String v, Pattern p, String what) {
    String t = v.trim();
    if (!p.matcher(t).matches()) {
      throw ConfException.usage("'" + v + "' is not " + what);
    }
    return t;
  }

  private static String nonBlank(String v, String what) {
    if (v.isBlank()) {
      throw ConfException.usage("an empty value is not " + what);
    }
    return v.strip();
  }

  private static String between(String v, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ConfException.usage("'" + v + "' is not a whole number from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw ConfException.usage(n + " is out of range: from " + min + " to " + max);
    }
    return String.valueOf(n);
  }

  private static String oneOf(String v, String... allowed) {
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(t)) {
      throw ConfException.usage("'" + v + "' is not one of: " + String.join(", ", allowed));
    }
    return t;
  }

  private static String existingFile(String v) {
    Path p = Path.of(v.trim()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(p)) {
      throw ConfException.usage("no such file: " + p);
    }
    return p.toString();
  }
}
