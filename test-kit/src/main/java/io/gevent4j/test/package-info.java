/**
 * The gevent4j test kit: {@link io.gevent4j.test.GeventExtension}, a JUnit 5 extension that runs
 * each test in a fresh hub on a virtual clock, and {@link io.gevent4j.test.TestHub}, what a test
 * gets to drive that hub's time.
 *
 * <pre>{@code
 * @ExtendWith(GeventExtension.class)
 * class WorkerTest {
 *   @Test
 *   void retriesAfterOneSecond(TestHub hub) {
 *     Greenlet<String> worker = Gevent.spawn(WorkerCoroutines.fetchWithRetry("x"));
 *     hub.advanceTime(999);
 *     assertFalse(worker.isDead());
 *     hub.advanceTime(1);
 *     assertEquals("x", worker.get());
 *   }
 * }
 * }</pre>
 */
package io.gevent4j.test;
