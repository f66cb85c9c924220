/**
 * Network samples on cooperative sockets, each driven by a real client from Debian's packages by
 * a script in {@code samples/scripts/}: an echo server ({@code nc}), an HTTP/1.1 server with
 * keep-alive ({@code curl}, {@code wrk}), a Redis-protocol server ({@code redis-cli},
 * {@code redis-benchmark}), gevent's concurrent downloader, the echo and HTTP servers over TLS
 * ({@code openssl s_client}, {@code curl https://}), a TLS client ({@code openssl s_server}) and a
 * UDP echo server ({@code nc -u}).
 */
package io.gevent4j.samples.net;
