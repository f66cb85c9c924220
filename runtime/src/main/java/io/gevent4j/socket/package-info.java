/**
 * Cooperative TCP over java.nio (gevent's {@code gevent.socket}): waiting to connect, accept,
 * read or write suspends only the calling greenlet; the hub multiplexes all sockets with one
 * selector.
 */
package io.gevent4j.socket;
