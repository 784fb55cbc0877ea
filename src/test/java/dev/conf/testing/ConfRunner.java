package dev.conf.testing;

import dev.conf.cli.ConfApp;
import dev.conf.output.Io;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs conf in-process the way a user would, with captured stdout and stderr, as a terminal or a
 * pipe, with a clock fixed at {@link #NOW} that only sleeps move on, a sleeper that records instead
 * of sleeping, an in-memory keychain and a private config directory. Everything else (HTTP, JSON,
 * config files) is real.
 */
public final class ConfRunner {
  public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  public final Map<String, String> env = new HashMap<>();
  public final MemorySecretStore keychain = new MemorySecretStore();

  /** What runs waited for, in order (thread-safe: concurrent commands sleep from many threads). */
  public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  /**
   * The jitter draws that spread resumes after a shared pause: 0 (resume at the pause's end) unless
   * a test sets it.
   */
  public java.util.function.DoubleSupplier resumeSpread = () -> 0.0;

  /**
   * What went through the pager, when {@link #withPager()} gave the run one. A real pager never
   * runs in tests: without it a terminal run has none at all.
   */
  public final StringWriter paged = new StringWriter();

  private boolean pager;

  /** The pager commands runs started, in order (what CONF_PAGER, the setting and PAGER chose). */
  public final List<String> pagerCommands = new ArrayList<>();

  private boolean color;

  /** URLs a run asked the browser to open; none is ever opened. */
  public final List<String> browsed = new ArrayList<>();

  /**
   * What the fake browser does with a URL it is asked to open, before it answers (a login test
   * follows it, as a user's browser would); nothing by default.
   */
  public java.util.function.Consumer<String> browserAction = url -> {};

  /** Whether the fake browser says it opened them (false: as over SSH, with no display). */
  public boolean browserAvailable = true;

  /** How many times a run opened the keychain; commands that need no secret must leave it at 0. */
  public int keychainOpened;

  private boolean tty;
  private int width = 100;
  private String stdin = "";
  private List<String> secretAnswers = new ArrayList<>();

  public ConfRunner(Path configDir) {
    env.put("CONF_CONFIG_DIR", configDir.toString());
  }

  public ConfRunner terminal() {
    this.tty = true;
    return this;
  }

  public ConfRunner pipe() {
    this.tty = false;
    return this;
  }

  /** Gives runs a recording pager (see {@link #paged}). */
  public ConfRunner withPager() {
    this.pager = true;
    return this;
  }

  /** Lets runs on a terminal use colour, as a terminal without NO_COLOR does (off by default). */
  public ConfRunner color() {
    this.color = true;
    return this;
  }

  /** The terminal's width in columns (default 100). */
  public ConfRunner width(int columns) {
    this.width = columns;
    return this;
  }

  public ConfRunner stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Answers to no-echo secret prompts, in order. */
  public ConfRunner secrets(String... answers) {
    this.secretAnswers = new ArrayList<>(List.of(answers));
    return this;
  }

  public ConfRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> prompts = new ArrayList<>();
    // Each run starts at NOW; a sleep moves the clock on by what it waited, taking no real time.
    FakeClock clock = new FakeClock(NOW);
    Io io =
        Io.builder()
            .out(out)
            .err(err)
            .in(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
            .stdoutTty(tty)
            .stdinTty(tty)
            .stderrTty(tty)
            .colorAllowed(color && Io.colorAllowed(env, tty))
            .width(() -> width)
            .pager(
                pager
                    ? command -> {
                      pagerCommands.add(command);
                      return paged;
                    }
                    : null)
            .secretReader(
                prompt -> {
                  prompts.add(prompt);
                  return secretAnswers.isEmpty()
                      ? new char[0]
                      : secretAnswers.remove(0).toCharArray();
                })
            .build();
    int code =
        new ConfApp(
                new dev.conf.cli.CommandContext(
                        io,
                        Map.copyOf(env),
                        clock,
                        d -> {
                          sleeps.add(d);
                          clock.advance(d);
                        },
                        () -> {
                          keychainOpened++;
                          return keychain;
                        })
                    .withBrowser(
                        url -> {
                          browsed.add(url);
                          browserAction.accept(url);
                          return browserAvailable;
                        })
                    .withResumeSpread(resumeSpread))
            .execute(args);
    return new Result(code, out.toString(), err.toString(), prompts);
  }

  /** What a run printed and returned. */
  public record Result(int exitCode, String out, String err, List<String> secretPrompts) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
