package io.gevent4j;

/**
 * What few greenlets need, kept out of {@link Greenlet} until one does: its repr, formatted once,
 * and where it was started when its hub captures spawn sites. Hub thread only.
 */
final class GreenletDetails {
  /** {@link Greenlet#toString()}, once formatted. */
  String repr;
  /** Where the greenlet was started, if its hub captures spawn sites; else null. */
  StackTraceElement[] spawnSite;
}
