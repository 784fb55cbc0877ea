package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;

/** Opens a URL for {@code --web} and {@code conf open}, or prints it where no browser can start. */
public final class Web {
  private Web() {}

  public static int open(CommandContext ctx, String url) {
    if (url == null) {
      throw new ConfException(ExitCode.ERROR, "the server gave no web address for it");
    }
    if (ctx.browser().open(url)) {
      ctx.io().err().println("Opening " + url + " in your browser.");
    } else {
      ctx.io().out().println(url);
    }
    ctx.io().out().flush();
    return 0;
  }
}
