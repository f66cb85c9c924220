/** Servers built on cooperative sockets (gevent's {@code gevent.server}): {@link io.gevent4j.server.StreamServer}. */
package io.gevent4j.server;
