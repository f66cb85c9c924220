/** gevent's toolkit in coroutines: a producer/consumer over a bounded queue, a pool map, a timeout. */
package io.gevent4j.samples.toolkit;
