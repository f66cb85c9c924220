/**
 * Running blocking work (files, JDBC, any blocking API) on real threads while only the calling
 * greenlet waits: gevent's {@code gevent.threadpool}, plus interop with
 * {@link java.util.concurrent.CompletionStage} in both directions.
 */
package io.gevent4j.threadpool;
