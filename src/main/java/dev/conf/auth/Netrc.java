package dev.conf.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code ~/.netrc} file, read the way curl reads it: {@code machine HOST login L password P}
 * entries, a {@code default} entry for any other host, tokens separated by any white space, double
 * quoted tokens with backslash escapes, {@code #} comments to the end of the line, {@code account}
 * ignored and {@code macdef NAME} blocks (up to the next empty line) skipped.
 *
 * <p>The file is {@code $NETRC}, else {@code $HOME/.netrc} (on Windows also {@code
 * %USERPROFILE%\_netrc}). Only the environment names it: with neither variable set there is no
 * netrc, so a test's environment never reads the developer's own file.
 */
public final class Netrc {
  /** One entry: its host (null for {@code default}), login (may be null) and password. */
  public record Entry(String machine, String login, String password) {
    @Override
    public String toString() {
      return "Netrc.Entry[machine=" + machine + ", login=" + login + "]";
    }
  }

  private final Path file;
  private final List<Entry> entries;

  private Netrc(Path file, List<Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  public Path file() {
    return file;
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The file the environment names, whether or not it exists; empty when none is named. */
  public static Optional<Path> location(Map<String, String> env) {
    String explicit = env.get("NETRC");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit.trim()));
    }
    String home = env.get("HOME");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, ".netrc"));
    }
    String profile = env.get("USERPROFILE");
    if (profile != null && !profile.isBlank()) {
      Path dot = Path.of(profile, ".netrc");
      return Optional.of(Files.exists(dot) ? dot : Path.of(profile, "_netrc"));
    }
    return Optional.empty();
  }

  /**
   * The netrc file the environment names, read; empty when none is named or it does not exist or
   * cannot be read (a netrc is only ever a fallback: it never makes a command fail).
   */
  public static Optional<Netrc> load(Map<String, String> env) {
    Optional<Path> path = location(env);
    if (path.isEmpty() || !Files.isRegularFile(path.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(path.get(), Files.readString(path.get(), StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Parses a netrc's text; {@code file} only names it. */
  public static Netrc parse(Path file, String text) {
    List<Entry> entries = new ArrayList<>();
    Lexer lexer = new Lexer(text);
    String machine = null;
    boolean inEntry = false;
    String login = null;
    String password = null;
    String token;
    while ((token = lexer.next()) != null) {
      switch (token) {
        case "machine", "default" -> {
          if (inEntry) {
            entries.add(new Entry(machine, login, password));
          }
          inEntry = true;
          machine = token.equals("machine") ? lower(lexer.next()) : null;
          login = null;
          password = null;
        }
        case "login" -> login = lexer.next();
        case "password" -> password = lexer.next();
        case "account" -> lexer.next();
        case "macdef" -> {
          if (inEntry) {
            entries.add(new Entry(machine, login, password));
            inEntry = false;
          }
          lexer.next(); // the macro's name
          lexer.skipMacro();
        }
        default -> {
          // An unknown word: curl ignores it, and so does conf.
        }
      }
    }
    if (inEntry) {
      entries.add(new Entry(machine, login, password));
    }
    return new Netrc(file, List.copyOf(entries));
  }

  /**
   * The entry for a host: the first {@code machine} entry naming it (case-insensitively), else the
   * {@code default} entry; entries without a password are no credentials and are passed over.
   */
  public Optional<Entry> find(String host) {
    String h = lower(host);
    for (Entry e : entries) {
      if (e.machine() != null && e.machine().equals(h) && e.password() != null) {
        return Optional.of(e);
      }
    }
    for (Entry e : entries) {
      if (e.machine() == null && e.password() != null) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** Splits the text into tokens, dropping comments. */
  private static final class Lexer {
    private final String text;
    private int pos;

    Lexer(String text) {
      this.text = text;
    }

    String next() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '#') {
          while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
          }
        } else if (Character.isWhitespace(c)) {
          pos++;
        } else {
          break;
        }
      }
      if (pos >= text.length()) {
        return null;
      }
      StringBuilder token = new StringBuilder();
      if (text.charAt(pos) == '"') {
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
          char c = text.charAt(pos++);
          if (c == '\\' && pos < text.length()) {
            char e = text.charAt(pos++);
            token.append(
                switch (e) {
                  case 'n' -> '\n';
                  case 'r' -> '\r';
                  case 't' -> '\t';
                  default -> e;
                });
          } else {
            token.append(c);
          }
        }
        pos++; // the closing quote
        return token.toString();
      }
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
        token.append(text.charAt(pos++));
      }
      return token.toString();
    }

    /** Skips a macro's body: everything up to and including the next empty line. */
    void skipMacro() {
      int eol = text.indexOf('\n', pos);
      if (eol < 0) {
        pos = text.length();
        return;
      }
      pos = eol + 1;
      while (pos < text.length()) {
        int end = text.indexOf('\n', pos);
        String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
        pos = end < 0 ? text.length() : end + 1;
        if (line.strip().isEmpty()) {
          return;
        }
      }
    }
  }
}
