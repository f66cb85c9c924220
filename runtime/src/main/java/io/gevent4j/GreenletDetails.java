package io.gevent4j;

/**
 * What few greenlets need, kept out of {@link Greenlet} until one does: its repr, formatted once,
 * and where it was started when its hub captures spawn sites; once made, it keeps the greenlet's
 * links too. Hub thread only.
 */
final class GreenletDetails {
  /** The greenlet's link callbacks, as {@code Links} keeps them. */
  Object links;
  /** {@link Greenlet#toString()}, once formatted. */
  String repr;
  /** Where the greenlet was started, if its hub captures spawn sites; else null. */
  StackTraceElement[] spawnSite;
}
