/** Greenlet-local values (gevent's {@code gevent.local}). */
package io.gevent4j.local;
