package dev.conf.http;

import java.time.Duration;

/** Waits between retries; injected so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());
}
