package dev.conf.convert;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names to show for the people a body mentions ({@code <ac:link><ri:user
 * ri:account-id="..."/></ac:link>}, or {@code ri:userkey} / {@code ri:username} on Data Center):
 * storage to text writes {@code @Display Name}, storage to Markdown {@code [@Display
 * Name](conf:user?account-id=...)}, whose target alone makes the mention again, so the name never
 * changes what a round trip saves. Who a user id is must be asked of the site: {@link #ids} finds
 * what to ask, the caller asks, {@link #of} holds the answers. Where a name is unknown the id is
 * shown.
 */
public final class Mentions {
  /** No names known: mentions show their ids. */
  public static final Mentions NONE = new Mentions(Map.of());

  private static final Pattern USER_ID =
      Pattern.compile("<ri:user\\s[^>]*?ri:(?:account-id|userkey)\\s*=\\s*\"([^\"]*)\"");

  private final Map<String, String> names;

  private Mentions(Map<String, String> names) {
    this.names = Map.copyOf(names);
  }

  /** Display names by user id (account id or user key). */
  public static Mentions of(Map<String, String> names) {
    return names.isEmpty() ? NONE : new Mentions(names);
  }

  /** The account ids and user keys the body's mentions name, each once, in order. */
  public static Set<String> ids(String storage) {
    Set<String> ids = new LinkedHashSet<>();
    if (storage == null || storage.indexOf("<ri:user") < 0) {
      return ids;
    }
    Matcher m = USER_ID.matcher(storage);
    while (m.find()) {
      String id = StorageText.decode(m.group(1)).strip();
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * What a mention shows after its {@code @}: the name for an account id or user key where known,
   * else the id; a username as it is.
   */
  public String label(String id) {
    String name = names.get(id);
    return name == null || name.isBlank() ? id : name;
  }
}
