/** Diagnostics (gevent's {@code gevent.util} and monitor thread): {@link io.gevent4j.util.BlockingMonitor}, and {@code Hub.dump()}. */
package io.gevent4j.util;
