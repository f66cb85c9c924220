package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * "Hub thread only" is checked, not prose: each such entry point of {@link Hub} and
 * {@link Greenlet} throws an {@link IllegalStateException} naming itself when called on another
 * thread, and the "Any thread." ones work from there. Also the {@link HubObserver} the hub tells
 * about each task.
 */
class HubThreadCheckTest extends HubTestSupport {

  /** Runs each action on another thread; returns what each threw (null: nothing). */
  private static Map<String, Throwable> onAnotherThread(Map<String, Runnable> actions) throws Exception {
    Map<String, Throwable> thrown = new LinkedHashMap<>();
    Thread other = new Thread(() -> {
      for (Map.Entry<String, Runnable> action : actions.entrySet()) {
        try {
          action.getValue().run();
          thrown.put(action.getKey(), null);
        } catch (Throwable failure) {
          thrown.put(action.getKey(), failure);
        }
      }
    }, "not-the-hub");
    other.start();
    other.join(10_000);
    return thrown;
  }

  @Test
  void hubThreadOnlyMethodsThrowOnAnotherThreadNamingThemselves() throws Exception {
    Greenlet<String> unstarted = TestFrames.returning("f", "x");
    Waiter<String> waiter = new Waiter<>();
    Consumer<Greenlet<String>> callback = g -> { };
    Map<String, Runnable> actions = new LinkedHashMap<>();
    actions.put("Hub.dump()", hub::dump);
    actions.put("Hub.post(Runnable)", () -> hub.post(() -> { }));
    actions.put("Hub.schedule(long, Runnable)", () -> hub.schedule(1, () -> { }));
    actions.put("Hub.io()", hub::io);
    actions.put("Hub.readyCount()", hub::readyCount);
    actions.put("Hub.timerCount()", hub::timerCount);
    actions.put("Hub.liveGreenlets()", hub::liveGreenlets);
    actions.put("Hub.openChannels()", hub::openChannels);
    actions.put("Hub.isEmpty()", hub::isEmpty);
    actions.put("Waiter.await", waiter::await);
    actions.put("Greenlet.start()", unstarted::start);
    actions.put("Greenlet.startLater(long)", () -> unstarted.startLater(5));
    actions.put("Greenlet.killAsync", unstarted::killAsync);
    actions.put("Greenlet.link(Consumer)", () -> unstarted.link(callback));
    actions.put("Greenlet.linkValue(Consumer)", () -> unstarted.linkValue(callback));
    actions.put("Greenlet.linkException(Consumer)", () -> unstarted.linkException(callback));
    actions.put("Greenlet.unlink(Consumer)", () -> unstarted.unlink(callback));

    Map<String, Throwable> thrown = onAnotherThread(actions);

    assertEquals(actions.keySet(), thrown.keySet());
    for (Map.Entry<String, Throwable> entry : thrown.entrySet()) {
      Throwable failure = entry.getValue();
      assertTrue(failure instanceof IllegalStateException, entry.getKey() + " threw " + failure);
      String message = failure.getMessage();
      assertTrue(message.startsWith(entry.getKey()) && message.contains(" is hub thread only: called on thread \"not-the-hub\"")
          && message.contains("runs on thread \"" + Thread.currentThread().getName() + "\""), message);
    }
    assertTrue(thrown.get("Greenlet.start()").getMessage().contains(unstarted.toString()), "names the greenlet");
    assertTrue(hub.isEmpty(), "nothing was queued, scheduled or linked");
    assertTrue(!unstarted.isStarted() && !unstarted.isDead());
    assertEquals("x", Gevent.spawn(unstarted).get(), "and the greenlet still works on its own thread");
  }

  @Test
  void anyThreadMethodsWorkFromAnotherThread() throws Exception {
    List<String> ran = new ArrayList<>();
    PrintStream stream = new PrintStream(new ByteArrayOutputStream());
    HubObserver observer = new RecordingObserver(new ArrayList<>());
    Map<String, Runnable> actions = new LinkedHashMap<>();
    actions.put("thread", () -> assertEquals("not-the-hub", Thread.currentThread().getName()));
    actions.put("hub.thread()", () -> hub.thread().getName());
    actions.put("hub.clock()", hub::clock);
    actions.put("hub.toString()", hub::toString);
    actions.put("Hub.current()", () -> assertTrue(Hub.current() != hub, "another thread, another hub"));
    actions.put("setErrorStream", () -> hub.setErrorStream(stream));
    actions.put("setReporter", () -> hub.setReporter(hub.reporter()));
    actions.put("setBlockingMonitor", () -> hub.setBlockingMonitor(observer));
    actions.put("unset", () -> hub.setBlockingMonitor(null));
    actions.put("submit", () -> hub.submit(() -> ran.add("submitted")));
    actions.put("execute", () -> hub.execute(() -> ran.add("executed")));

    Map<String, Throwable> thrown = onAnotherThread(actions);

    for (Map.Entry<String, Throwable> entry : thrown.entrySet()) {
      assertNull(entry.getValue(), entry.getKey());
    }
    Gevent.waitIdle();
    assertEquals(java.util.Arrays.asList("submitted", "executed"), ran);
  }

  @Test
  void aHubThreadChecksItsOwnThreadNotTheCaller() throws Exception {
    Hub served = Hub.startThread("served-hub");
    try {
      CompletableFuture<String> dump = new CompletableFuture<>();
      served.submit(() -> dump.complete(served.dump()));
      assertTrue(dump.get(10, TimeUnit.SECONDS).startsWith("<Hub at"), "on its thread it works");
      try {
        served.post(() -> { });
        throw new AssertionError("post from another thread must throw");
      } catch (IllegalStateException expected) {
        assertTrue(expected.getMessage().contains("runs on thread \"served-hub\""), expected.getMessage());
      }
    } finally {
      served.stop();
    }
  }

  @Test
  void anObserverIsToldAboutEachTaskTheHubRuns() {
    List<String> seen = new ArrayList<>();
    hub.setBlockingMonitor(new RecordingObserver(seen));
    Runnable callback = new Runnable() {
      @Override
      public void run() {
        seen.add("ran");
      }

      @Override
      public String toString() {
        return "callback";
      }
    };
    hub.post(callback);
    Greenlet<String> greenlet = Gevent.spawn(TestFrames.returning("f", "x"));
    greenlet.join();
    hub.setBlockingMonitor(null);
    hub.post(() -> seen.add("unobserved"));
    Gevent.waitIdle();
    assertEquals(java.util.Arrays.asList("entering callback", "ran", "left",
        "entering " + greenlet, "left", // its step: it runs and dies
        "entering " + greenlet, "left", // the dead greenlet queued again runs its links: the join
        "unobserved"), seen);
  }

  @Test
  void theFailureReportGoesToTheErrorStreamInGeventsFormat() {
    hub.post(() -> {
      throw new IllegalArgumentException("from a callback");
    });
    Greenlet<Object> failing = Gevent.spawn(TestFrames.throwing(new IllegalStateException("from a greenlet")));
    failing.link(g -> {
      throw new UnsupportedOperationException("from a link");
    });
    Gevent.waitIdle();
    String errors = errors();
    assertTrue(errors.contains("java.lang.IllegalArgumentException: from a callback"), errors);
    assertEquals(1, errorCount(" failed with IllegalArgumentException"));
    assertEquals(1, errorCount(" " + failing + " failed with IllegalStateException"));
    assertEquals(1, errorCount("java.lang.UnsupportedOperationException: from a link"));
    assertEquals(1, errorCount(" link "));
    hub.setErrorStream(null);
    Gevent.spawn(TestFrames.throwing(new IllegalStateException("unreported"))).join();
    assertTrue(!errors().contains("unreported"), "null disables reporting");
  }

  private static final class RecordingObserver implements HubObserver {
    private final List<String> seen;

    RecordingObserver(List<String> seen) {
      this.seen = seen;
    }

    @Override
    public void entering(Object task) {
      seen.add("entering " + task);
    }

    @Override
    public void left() {
      seen.add("left");
    }
  }
}
