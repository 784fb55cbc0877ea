package dev.conf.output;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The streams a command talks through, injected so that tests can run any command as a terminal or
 * as a pipe. Data goes to {@link #out()}; progress, hints, warnings and errors go to {@link
 * #err()}.
 */
public final class Io {
  private PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final boolean stdoutTty;
  private final boolean stdinTty;
  private final boolean stderrTty;
  private final OutputStream stdoutBytes;
  private final boolean colorAllowed;
  private final IntSupplier width;
  private final SecretReader secretReader;
  private final OutputPager.Launcher pagerLauncher;
  private final Supplier<String> pagerCommand;
  private BufferedReader lineReader;
  private PrintWriter beforePager;

  /** Reads a secret without echo. */
  @FunctionalInterface
  public interface SecretReader {
    char[] read(String prompt);
  }

  private Io(Builder b) {
    this.out = b.out;
    this.err = b.err;
    this.in = b.in;
    this.stdoutTty = b.stdoutTty;
    this.stdinTty = b.stdinTty;
    this.stderrTty = b.stderrTty;
    this.stdoutBytes = b.stdoutBytes;
    this.colorAllowed = b.colorAllowed;
    this.width = b.width;
    this.secretReader = b.secretReader;
    this.pagerLauncher = b.pagerLauncher;
    this.pagerCommand = b.pagerCommand;
  }

  /** The process's real streams, with terminal detection. */
  public static Io system(Map<String, String> env) {
    Console console = System.console();
    boolean stdoutTty = isTerminal(1, console != null);
    boolean stdinTty = isTerminal(0, console != null);
    boolean color = colorAllowed(env, stdoutTty);
    return builder()
        .out(
            new PrintWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                true))
        .err(
            new PrintWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
                true))
        .in(System.in)
        .stdoutTty(stdoutTty)
        .stdinTty(stdinTty)
        .stderrTty(isTerminal(2, console != null))
        .stdoutBytes(new FileOutputStream(FileDescriptor.out))
        .colorAllowed(color)
        .width(() -> TerminalSize.columns(env))
        .pager(stdoutTty ? OutputPager.launcher(env) : null)
        .pagerCommand(() -> OutputPager.command(env, null))
        .secretReader(
            prompt -> {
              Console c = System.console();
              if (c == null) {
                throw new IllegalStateException("no terminal to read a secret from");
              }
              return c.readPassword("%s", prompt);
            })
        .build();
  }

  /** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org) or TERM=dumb. */
  public static boolean colorAllowed(Map<String, String> env, boolean stdoutTty) {
    String noColor = env.get("NO_COLOR");
    return stdoutTty && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * Whether file descriptor {@code fd} is a terminal. Java 17 only tells whether stdin and stdout
   * both are ({@link System#console()}); on Linux /proc tells each one apart, so {@code conf x |
   * less} and {@code conf x < file} are both judged right.
   */
  static boolean isTerminal(int fd, boolean fallback) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return fallback;
    }
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public InputStream in() {
    return in;
  }

  public boolean isStdoutTty() {
    return stdoutTty;
  }

  public boolean isStdinTty() {
    return stdinTty;
  }

  /** Whether stderr is a terminal: progress bars are drawn only there. */
  public boolean isStderrTty() {
    return stderrTty;
  }

  /**
   * Stdout for bytes that are not text (an attachment written with {@code -o -}). Anything printed
   * to {@link #out()} so far is flushed first so the two never interleave.
   */
  public OutputStream stdoutBytes() {
    out.flush();
    return stdoutBytes != null ? stdoutBytes : new WriterBytes(out);
  }

  /**
   * Bytes sent to a text writer one char per byte (ISO-8859-1): what an {@link Io} built without a
   * byte stream does, so tests see ASCII content in {@link #out()}.
   */
  private static final class WriterBytes extends OutputStream {
    private final Writer w;

    WriterBytes(Writer w) {
      this.w = w;
    }

    @Override
    public void write(int b) throws IOException {
      w.write(b & 0xff);
    }

    @Override
    public void flush() throws IOException {
      w.flush();
    }
  }

  /** Colour is used only on a terminal and never when NO_COLOR or --no-color said no. */
  public boolean colorEnabled() {
    return colorAllowed;
  }

  public Io withoutColor() {
    Builder b = toBuilder();
    b.colorAllowed = false;
    return new Io(b);
  }

  /**
   * The same streams, with the pager command asked of {@code command} when paging starts (null:
   * paging off): {@link dev.conf.cli.CommandContext} adds the {@code pager} setting this way, read
   * only if a command pages on a terminal.
   */
  public Io withPagerCommand(Supplier<String> command) {
    Builder b = toBuilder();
    b.pagerCommand = Objects.requireNonNull(command);
    return new Io(b);
  }

  /**
   * From here on, stdout goes through the pager when stdout is a terminal and a pager is configured
   * ({@link OutputPager}); a no-op otherwise, and in a pipe always. Commands call it just before
   * printing data that may be long ({@link TablePrinter} does on a terminal); {@link #closePager()}
   * ends it.
   */
  public void startPager() {
    if (!stdoutTty || pagerLauncher == null || beforePager != null) {
      return;
    }
    String command = pagerCommand.get();
    if (command == null) {
      return;
    }
    Writer pager = pagerLauncher.start(command);
    if (pager == null) {
      return;
    }
    out.flush();
    beforePager = out;
    out = new PrintWriter(pager, true);
  }

  /** Sends the rest of the output to the pager and waits for the user to leave it. */
  public void closePager() {
    if (beforePager == null) {
      return;
    }
    out.close();
    out = beforePager;
    beforePager = null;
  }

  public int terminalWidth() {
    return width.getAsInt();
  }

  /** Asks a question on stderr and reads one line of the answer from stdin. */
  public String prompt(String question) {
    err.print(question);
    err.flush();
    try {
      String line = lines().readLine();
      return line == null ? "" : line.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asks for a secret without echo. */
  public char[] promptSecret(String question) {
    err.flush();
    return secretReader.read(question);
  }

  /** All of stdin, for secrets piped in with --with-token. */
  public String readAllStdin() {
    if (in == System.in) {
      // Checked before reading: a closed stdin would read whatever file took descriptor 0.
      ClosedStdin.refuseIfClosed();
    }
    try {
      if (lineReader != null) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[4096];
        int n;
        while ((n = lineReader.read(buf)) > 0) {
          sb.append(buf, 0, n);
        }
        return sb.toString();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BufferedReader lines() {
    if (lineReader == null) {
      lineReader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return lineReader;
  }

  public static Builder builder() {
    return new Builder();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.out = out;
    b.err = err;
    b.in = in;
    b.stdoutTty = stdoutTty;
    b.stdinTty = stdinTty;
    b.stderrTty = stderrTty;
    b.stdoutBytes = stdoutBytes;
    b.colorAllowed = colorAllowed;
    b.width = width;
    b.secretReader = secretReader;
    b.pagerLauncher = pagerLauncher;
    b.pagerCommand = pagerCommand;
    return b;
  }

  /** Builds an Io; tests use it to run commands as a terminal or a pipe. */
  public static final class Builder {
    private PrintWriter out = new PrintWriter(Writer.nullWriter());
    private PrintWriter err = new PrintWriter(Writer.nullWriter());
    private InputStream in = new ByteArrayInputStream(new byte[0]);
    private boolean stdoutTty;
    private boolean stdinTty;
    private boolean stderrTty;
    private OutputStream stdoutBytes;
    private boolean colorAllowed;
    private IntSupplier width = () -> 80;
    private OutputPager.Launcher pagerLauncher;
    private Supplier<String> pagerCommand = () -> OutputPager.DEFAULT;
    private SecretReader secretReader =
        prompt -> {
          throw new IllegalStateException("no terminal to read a secret from");
        };

    public Builder out(Writer w) {
      this.out = w instanceof PrintWriter p ? p : new PrintWriter(w, true);
      return this;
    }

    public Builder err(Writer w) {
      this.err = w instanceof PrintWriter p ? p : new PrintWriter(w, true);
      return this;
    }

    public Builder in(InputStream in) {
      this.in = Objects.requireNonNull(in);
      return this;
    }

    public Builder stdoutTty(boolean tty) {
      this.stdoutTty = tty;
      return this;
    }

    public Builder stdinTty(boolean tty) {
      this.stdinTty = tty;
      return this;
    }

    public Builder stderrTty(boolean tty) {
      this.stderrTty = tty;
      return this;
    }

    /** Where {@link Io#stdoutBytes()} writes; without one, bytes go to the out writer. */
    public Builder stdoutBytes(OutputStream bytes) {
      this.stdoutBytes = bytes;
      return this;
    }

    public Builder colorAllowed(boolean color) {
      this.colorAllowed = color;
      return this;
    }

    public Builder width(IntSupplier width) {
      this.width = width;
      return this;
    }

    public Builder secretReader(SecretReader reader) {
      this.secretReader = reader;
      return this;
    }

    /** How to start a pager on a terminal; none by default, so tests never spawn one. */
    public Builder pager(OutputPager.Launcher launcher) {
      this.pagerLauncher = launcher;
      return this;
    }

    /** The pager command to start (null: none), asked when paging starts; less -FRX by default. */
    public Builder pagerCommand(Supplier<String> command) {
      this.pagerCommand = Objects.requireNonNull(command);
      return this;
    }

    public Io build() {
      return new Io(this);
    }
  }
}
