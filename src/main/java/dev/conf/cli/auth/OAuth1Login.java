package dev.conf.cli.auth;

import dev.conf.auth.Site;
import dev.conf.auth.oauth1.OAuth1Dance;
import dev.conf.auth.oauth1.OAuth1Secret;
import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.Io;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

/**
 * The OAuth 1.0a dance of {@code conf auth login --type oauth1}, the way the OAuth 2.0 browser
 * login goes: a loopback callback ({@code oauth_callback=http://127.0.0.1:PORT/callback}), the
 * authorize URL printed and opened, and the verifier taken from the browser's return, whose {@code
 * oauth_token} must be this login's request token. Where that cannot work, the verifier is pasted
 * ({@code oauth_callback=oob}): with {@code --no-browser} (the URL may be opened on another
 * machine, which cannot reach this one's loopback), or when no browser could be started here; then
 * a new request token is asked for with {@code oob}, as the first one is bound to the callback.
 */
final class OAuth1Login {
  private static final Duration POLL = Duration.ofMillis(200);

  private final CommandContext ctx;
  private final LoginCommand o;

  OAuth1Login(CommandContext ctx, LoginCommand options) {
    this.ctx = ctx;
    this.o = options;
  }

  /** The dance; returns the secret to store (access token, token secret, private key). */
  String run(Site site, String consumerKey, String pem) {
    OAuth1Dance dance = ctx.oauth1Dance(site, consumerKey, pem);
    try {
      OAuth1Dance.AccessToken access = o.noBrowser ? outOfBand(dance) : loopback(dance);
      return new OAuth1Secret(access.token(), access.secret(), pem).toJson();
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not reach " + site.displayUrl() + ": " + e.getMessage(), e);
    }
  }

  private OAuth1Dance.AccessToken loopback(OAuth1Dance dance) throws IOException {
    Io io = ctx.io();
    try (LoopbackCallback callback = LoopbackCallback.startOAuth1(o.callbackPort)) {
      OAuth1Dance.RequestToken request = dance.requestToken(callback.redirectUri());
      callback.expectRequestToken(request.token());
      String authorize = dance.authorizePage(request);
      io.err().println("Open this URL in a browser to log in (conf waits for it to come back):");
      io.err().println("  " + authorize);
      io.err().flush();
      if (ctx.browser().open(authorize)) {
        return dance.accessToken(request, await(callback));
      }
    }
    io.err()
        .println(
            "(No browser could be started here: the verifier is pasted instead, from a new"
                + " authorize URL.)");
    return outOfBand(dance);
  }

  private OAuth1Dance.AccessToken outOfBand(OAuth1Dance dance) throws IOException {
    Io io = ctx.io();
    OAuth1Dance.RequestToken request = dance.requestToken(OAuth1Dance.OUT_OF_BAND);
    io.err().println("Open this URL in a browser, allow access, and paste the verifier:");
    io.err().println("  " + dance.authorizePage(request));
    io.err().flush();
    String verifier = io.prompt("Verifier: ");
    if (verifier == null || verifier.isBlank()) {
      throw ConfException.usage("no verifier given");
    }
    return dance.accessToken(request, verifier);
  }

  /** Waits for the browser on the injected clock and sleeper, as the OAuth 2.0 login does. */
  private String await(LoopbackCallback callback) {
    Instant deadline = ctx.clock().instant().plusSeconds(o.loginTimeout);
    while (!callback.code().isDone()) {
      if (!ctx.clock().instant().isBefore(deadline)) {
        throw ConfException.auth(
            "no answer from the browser within "
                + o.loginTimeout
                + "s: run the login again (--login-timeout gives more time; --no-browser pastes"
                + " the verifier instead)");
      }
      ctx.pause(POLL);
    }
    try {
      return callback.code().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ConfException ce) {
        throw ce;
      }
      throw new ConfException(ExitCode.ERROR, "the login failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfException(ExitCode.ERROR, "interrupted while waiting for the browser", e);
    }
  }
}
