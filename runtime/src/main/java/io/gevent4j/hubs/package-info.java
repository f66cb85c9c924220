/**
 * All cores: {@link io.gevent4j.hubs.Hubs}, a group of hubs with one thread each, and the
 * thread-safe primitives through which greenlets of different hubs (and plain threads) hand values
 * over: {@link io.gevent4j.hubs.SharedQueue}, {@link io.gevent4j.hubs.SharedEvent},
 * {@link io.gevent4j.hubs.SharedResult}. A waiter is always woken on its own hub, through that
 * hub's inbox, so every greenlet still runs on one thread only.
 */
package io.gevent4j.hubs;
