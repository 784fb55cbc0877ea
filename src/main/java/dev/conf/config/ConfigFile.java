package dev.conf.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.AtomicMove;
import dev.conf.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one config file ({@code config.json} in the config dir): the saved profiles and which one is
 * current. Holds no secret. Written atomically so an interrupted write never leaves half a file.
 */
public final class ConfigFile {
  public static final String FILE_NAME = "config.json";
  public static final String DEFAULT_PROFILE = "default";

  private final Path path;
  private String current;
  private final Map<String, Profile> profiles;

  /** Non-secret settings (see {@code Settings}): those for every profile, and each profile's. */
  private final Map<String, String> settings;

  private final Map<String, Map<String, String>> profileSettings;

  private ConfigFile(Path path, String current, Map<String, Profile> profiles) {
    this(path, current, profiles, new TreeMap<>(), new TreeMap<>());
  }

  private ConfigFile(
      Path path,
      String current,
      Map<String, Profile> profiles,
      Map<String, String> settings,
      Map<String, Map<String, String>> profileSettings) {
    this.path = path;
    this.current = current;
    this.profiles = profiles;
    this.settings = settings;
    this.profileSettings = profileSettings;
  }

  /** Reads the file; a missing file is an empty config. */
  public static ConfigFile load(Path dir) {
    Path path = dir.resolve(FILE_NAME);
    if (!Files.exists(path)) {
      return new ConfigFile(path, null, new TreeMap<>());
    }
    try {
      JsonNode root;
      try (InputStream in = Files.newInputStream(path)) {
        root = Json.parse(in);
      }
      if (!root.isObject()) {
        throw new IOException("not a JSON object");
      }
      Map<String, Profile> profiles = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : root.path("profiles").properties()) {
        profiles.put(e.getKey(), profile(e.getValue()));
      }
      Map<String, Map<String, String>> perProfile = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : root.path("profileSettings").properties()) {
        perProfile.put(e.getKey(), strings(e.getValue()));
      }
      return new ConfigFile(
          path, text(root, "current"), profiles, strings(root.path("settings")), perProfile);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not read " + path + ": " + firstLine(e.getMessage()), e);
    }
  }

  public Path path() {
    return path;
  }

  /** The profile marked current, or null when none is. */
  public String current() {
    return current;
  }

  public void setCurrent(String name) {
    this.current = name;
  }

  public Profile profile(String name) {
    return profiles.get(name);
  }

  public Map<String, Profile> profiles() {
    return java.util.Collections.unmodifiableMap(profiles);
  }

  public void put(String name, Profile profile) {
    profiles.put(name, profile);
  }

  /**
   * A setting: the profile's own when {@code profile} is not null and it has one, else the one for
   * every profile; null when neither is set.
   */
  public String setting(String profile, String key) {
    if (profile != null) {
      String own = profileSettings.getOrDefault(profile, Map.of()).get(key);
      if (own != null) {
        return own;
      }
    }
    return settings.get(key);
  }

  /** The settings of one profile (null: those for every profile), as stored. */
  public Map<String, String> settings(String profile) {
    return java.util.Collections.unmodifiableMap(
        profile == null ? settings : profileSettings.getOrDefault(profile, Map.of()));
  }

  /** Sets (or, with a null value, removes) a setting of one profile, or of every profile. */
  public void putSetting(String profile, String key, String value) {
    Map<String, String> target =
        profile == null ? settings : profileSettings.computeIfAbsent(profile, p -> new TreeMap<>());
    if (value == null) {
      target.remove(key);
      if (profile != null && target.isEmpty()) {
        profileSettings.remove(profile);
      }
    } else {
      target.put(key, value);
    }
  }

  public void remove(String name) {
    profileSettings.remove(name);
    profiles.remove(name);
    if (name.equals(current)) {
      current = profiles.isEmpty() ? null : profiles.keySet().iterator().next();
    }
  }

  public void save() {
    try {
      Files.createDirectories(path.getParent());
      Path tmp = path.resolveSibling(FILE_NAME + ".tmp");
      ObjectMapper mapper = Json.mapper();
      Files.write(
          tmp,
          mapper
              .writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(
                  new Stored(
                      current,
                      profiles,
                      settings.isEmpty() ? null : settings,
                      profileSettings.isEmpty() ? null : profileSettings)));
      AtomicMove.replace(tmp, path);
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "could not write " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Read by hand rather than by data binding: binding would build Jackson's deserializer machinery
   * (some 300 classes) on every command that reads the config (see {@link Json}).
   */
  private static Profile profile(JsonNode p) {
    return new Profile(
        text(p, "url"),
        text(p, "deployment"),
        text(p, "auth"),
        text(p, "email"),
        text(p, "username"),
        text(p, "space"),
        text(p, "cloudId"),
        text(p, "caCert"),
        text(p, "storage"),
        text(p, "clientId"),
        text(p, "authUrl"),
        text(p, "apiUrl"));
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!e.getValue().isNull()) {
        values.put(e.getKey(), e.getValue().asText());
      }
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Stored(
      String current,
      Map<String, Profile> profiles,
      Map<String, String> settings,
      Map<String, Map<String, String>> profileSettings) {}
}
