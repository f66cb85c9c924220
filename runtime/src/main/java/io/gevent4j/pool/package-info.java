/** Groups of greenlets (gevent's {@code gevent.pool}): {@link io.gevent4j.pool.Group} and the bounded {@link io.gevent4j.pool.Pool}. */
package io.gevent4j.pool;
