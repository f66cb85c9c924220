/** Notification primitives (gevent's {@code gevent.event}): {@link io.gevent4j.event.Event} and {@link io.gevent4j.event.AsyncResult}. */
package io.gevent4j.event;
