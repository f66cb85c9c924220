/** Locking primitives for greenlets (gevent's {@code gevent.lock}): semaphores, a lock and a re-entrant lock. */
package io.gevent4j.lock;
