package dev.conf.service;

/** Told how a transfer is getting on, so that a command can draw a progress bar. */
@FunctionalInterface
public interface Transfer {
  /** Does nothing: for pipes and tests. */
  Transfer NONE = bytes -> {};

  /** Called as bytes move, with the count so far (not the increment). */
  void progressed(long bytesSoFar);
}
