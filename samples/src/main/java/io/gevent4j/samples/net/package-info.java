/**
 * Network samples on cooperative sockets, each driven by a real client from Debian's packages by
 * a script in {@code samples/scripts/}: an echo server ({@code nc}), an HTTP/1.1 server with
 * keep-alive ({@code curl}, {@code wrk}), a Redis-protocol server ({@code redis-cli},
 * {@code redis-benchmark}) and gevent's concurrent downloader.
 */
package io.gevent4j.samples.net;
