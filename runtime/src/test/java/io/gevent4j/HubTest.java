package io.gevent4j;

import static io.gevent4j.TestFrames.logging;
import static io.gevent4j.TestFrames.sleeper;
import static java.util.Arrays.asList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.internal.Timer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The hub loop: per-thread hubs, callbacks, timers, LoopExit and cross-thread submit (GEVENT-NOTES S3, S12). */
class HubTest extends HubTestSupport {

  @Test
  void eachThreadHasItsOwnHub() throws InterruptedException {
    assertSame(hub, Hub.current());
    AtomicReference<Hub> other = new AtomicReference<>();
    Thread thread = new Thread(() -> other.set(Hub.current()));
    thread.start();
    thread.join();
    assertNotSame(hub, other.get());
  }

  @Test
  void installRefusesToReplaceAHubWithWork() {
    Timer timer = hub.schedule(10, () -> log.add("timer"));
    assertThrows(IllegalStateException.class, () -> Hub.install(Clock.virtual()));
    assertSame(hub, Hub.current());
    timer.cancel();
  }

  @Test
  void mainJoiningAStuckGreenletGetsLoopExit() {
    TestFrames.AwaitsWaiter<String> frame = new TestFrames.AwaitsWaiter<>();
    Greenlet<String> stuck = Greenlet.of(frame).start();
    LoopExit exit = assertThrows(LoopExit.class, stuck::join);
    assertTrue(exit.getMessage().contains("This operation would block forever"), exit.getMessage());
    assertFalse(stuck.isDead(), "the greenlet survives");
    frame.waiter.resume("late");
    assertEquals("late", stuck.get(), "and finishes once resumed");
  }

  @Test
  void loopExitWhenMainWaitsOnAWaiterNobodyResumes() {
    Gevent.spawn(sleeper(log, "meanwhile", 10));
    Waiter<String> nobody = new Waiter<>();
    assertThrows(LoopExit.class, nobody::await);
    assertEquals(asList("meanwhile"), log, "the hub ran everything else first");
  }

  @Test
  void callbacksAndGreenletsShareOneFifoQueue() {
    hub.post(() -> log.add("callback-1"));
    Gevent.spawn(logging(log, "greenlet"));
    hub.post(() -> log.add("callback-2"));
    assertEquals(3, hub.readyCount());
    Gevent.sleep(0);
    assertEquals(asList("callback-1", "greenlet", "callback-2"), log);
  }

  @Test
  void timersRunInDeadlineOrderAndCanBeCancelled() {
    hub.schedule(30, () -> log.add("30"));
    Timer cancelled = hub.schedule(20, () -> log.add("20"));
    hub.schedule(10, () -> log.add("10"));
    hub.schedule(10, () -> log.add("10-again"));
    assertTrue(cancelled.cancel());
    assertFalse(cancelled.cancel());
    assertEquals(3, hub.timerCount());
    Gevent.sleep(30);
    assertEquals(asList("10", "10-again", "30"), log);
    assertEquals(0, hub.timerCount());
  }

  @Test
  void aFailingCallbackIsReportedAndTheHubCarriesOn() {
    hub.post(() -> {
      throw new IllegalStateException("bad callback");
    });
    hub.post(() -> log.add("next"));
    Gevent.sleep(0);
    assertEquals(asList("next"), log);
    assertTrue(errors().contains("failed with IllegalStateException"), errors());
  }

  @Test
  void aCallbackMustNotBlock() {
    hub.post(() -> new Waiter<Void>().await());
    Gevent.sleep(0);
    assertTrue(errors().contains("must not block"), errors());
  }

  @Test
  void aYieldingLoopDoesNotStarveDueTimers() {
    boolean[] fired = {false};
    int[] spins = {0};
    Greenlet<Integer> spinner = Greenlet.of(new TestFrames.Frame<Integer>("spin") {
      @Override
      protected Object resume$() throws Throwable {
        for (;;) {
          switch (state$) {
            case 0:
              if (fired[0] || spins[0] == 1000) {
                return spins[0];
              }
              spins[0]++;
              prepare$();
              Gevent.sleep(0);
              if (parked$(1)) {
                return SUSPEND;
              }
              // fall through
            case 1:
              if (resumed$()) {
                result$();
              }
              state$ = 0;
              continue;
            default:
              throw new IllegalStateException();
          }
        }
      }
    });
    spinner.start();
    hub.schedule(0, () -> fired[0] = true);
    assertTrue(spinner.get() <= 2, "timers are checked every turn, spins: " + spins[0]);
  }

  @Test
  void submitFromAnotherThreadRunsOnTheHubThread() throws InterruptedException {
    install(Clock.system());
    Thread hubThread = Thread.currentThread();
    Waiter<Thread> ranOn = new Waiter<>();
    Thread other = new Thread(() -> hub.submit(() -> ranOn.resume(Thread.currentThread())));
    Timer guard = hub.schedule(60_000, () -> log.add("guard"));
    other.start();
    assertSame(hubThread, ranOn.await());
    other.join();
    guard.cancel();
  }

  @Test
  void virtualClockOnlyMovesWhenTheHubIdles() {
    Clock clock = Clock.virtual();
    assertEquals(0, clock.nanoTime());
    clock.awaitDeadline(500);
    assertEquals(500, clock.nanoTime());
    clock.awaitDeadline(100);
    assertEquals(500, clock.nanoTime(), "never backwards");
  }

  @Test
  void systemClockFollowsNanoTime() {
    long before = System.nanoTime();
    long now = Clock.system().nanoTime();
    assertTrue(now - before >= 0);
    Clock.system().awaitDeadline(now - 1_000_000);
  }

  @Test
  void clocksDescribeThemselves() {
    assertSame(Clock.system(), Clock.system());
    assertEquals("Clock.system()", Clock.system().toString());
    Clock clock = Clock.virtual();
    assertEquals("Clock.virtual() at 0 ns", clock.toString());
    clock.awaitDeadline(1500);
    assertEquals("Clock.virtual() at 1500 ns", clock.toString());
  }

  @Test
  void threadIsTheThreadTheHubRunsOn() throws InterruptedException {
    assertSame(Thread.currentThread(), hub.thread());
    Hub other = Hub.startThread("gevent4j-hub-test");
    assertEquals("gevent4j-hub-test", other.thread().getName());
    assertTrue(other.thread().isDaemon());
    other.stop();
    other.thread().join(10_000);
    assertFalse(other.thread().isAlive(), "stop() ended the hub's thread");
  }

  @Test
  void executeIsSubmitForCodeExpectingAnExecutor() {
    Executor executor = hub;
    Waiter<String> ran = new Waiter<>();
    executor.execute(() -> ran.resume("ran on " + Thread.currentThread().getName()));
    assertFalse(hub.isEmpty(), "handed over to the hub");
    assertEquals("ran on " + Thread.currentThread().getName(), ran.await());
    assertThrows(NullPointerException.class, () -> hub.execute(null));
  }

  @Test
  void ioIsTheHubsOwnPoller() {
    assertSame(hub.io(), hub.io());
    assertFalse(hub.io().hasInterest());
    assertEquals(0, hub.io().registrations());
    Hub other = Hub.install(Clock.virtual());
    assertTrue(other.io() != null && other.io() != hub.io(), "one poller per hub");
    hub = other;
  }

  @Test
  void dumpListsEveryLiveGreenletAndWhereItWaits() {
    assertEquals(hub + "\n", hub.dump(), "no live greenlet");
    Greenlet<String> sleeping = sleeper(log, "slept", 10).start();
    TestFrames.AwaitsWaiter<String> frame = new TestFrames.AwaitsWaiter<>();
    Greenlet<String> waiting = Greenlet.of(frame).start();
    Gevent.sleep(0);
    Greenlet<String> scheduled = logging(log, "logged").start();
    Greenlet<String> unstarted = logging(log, "never");
    String dump = hub.dump();
    assertTrue(dump.startsWith(hub + "\n"), dump);
    assertTrue(dump.contains(sleeping + " suspended\n    at io.gevent4j.TestFrames$Steps.steps\n"), dump);
    assertTrue(dump.contains(waiting + " waiting\n    at io.gevent4j.TestFrames$AwaitsWaiter.awaitsWaiter\n"), dump);
    assertTrue(dump.contains(scheduled + " scheduled\n    at io.gevent4j.TestFrames$Log.log\n"), dump);
    assertFalse(dump.contains(unstarted.toString()), "only live greenlets");
    frame.waiter.resume("done");
    Gevent.joinAll(sleeping, waiting, scheduled);
    assertEquals(hub + "\n", hub.dump());
    unstarted.kill();
  }

  @Test
  void liveGreenletsAreTheStartedOnesNotYetDead() {
    assertEquals(java.util.Collections.emptyList(), hub.liveGreenlets());
    Greenlet<String> sleeping = sleeper(log, "slept", 10).start();
    Greenlet<String> scheduled = logging(log, "logged").start();
    Greenlet<String> unstarted = logging(log, "never");
    assertEquals(java.util.Arrays.asList(scheduled, sleeping), hub.liveGreenlets(), "newest first");
    Gevent.joinAll(sleeping, scheduled);
    assertEquals(java.util.Collections.emptyList(), hub.liveGreenlets());
    unstarted.kill();
  }

  @Test
  void openChannelsCountsSocketsUntilClosed() throws java.io.IOException {
    assertEquals(0, hub.openChannels());
    io.gevent4j.socket.ServerSocket server = io.gevent4j.socket.ServerSocket.listen(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 1);
    assertEquals(1, hub.openChannels());
    assertTrue(hub.isEmpty(), "an open socket that waits for nothing does not keep the hub alive");
    server.close();
    assertEquals(0, hub.openChannels());
  }
}
