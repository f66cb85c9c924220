/**
 * Queues between greenlets (gevent's {@code gevent.queue}, with its pre-25.4 names): FIFO
 * {@link io.gevent4j.queue.Queue}, {@link io.gevent4j.queue.PriorityQueue},
 * {@link io.gevent4j.queue.LifoQueue}, {@link io.gevent4j.queue.JoinableQueue} and the
 * rendezvous {@link io.gevent4j.queue.Channel}. Waiters on both sides are served in arrival order,
 * and items are handed over directly to a waiting getter.
 */
package io.gevent4j.queue;
