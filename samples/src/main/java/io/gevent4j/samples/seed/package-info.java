/**
 * The four programs of the gevent tutorial the project grew from ({@code shared/seed/}), in Java:
 * {@link io.gevent4j.samples.seed.SpawnJoin} (greenlets that never yield run one after another),
 * {@link io.gevent4j.samples.seed.SpawnSleep} (greenlets that sleep cooperatively interleave
 * round-robin), {@link io.gevent4j.samples.seed.BlockingSleep} ({@code Thread.sleep} blocks the
 * whole thread: sequential again) and {@link io.gevent4j.samples.seed.PatchedSleep} (the same
 * code with compile-time monkey patching: interleaved).
 */
package io.gevent4j.samples.seed;
