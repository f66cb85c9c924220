package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The frame protocol generated code relies on: nested calls, results, failures and deep recursion. */
class CoroutineFrameTest extends HubTestSupport {

  @Test
  void nestedCallReturnsTheCalleesValue() {
    assertEquals(3, TestFrames.depth(3).start().get());
  }

  @Test
  void hundredThousandNestedCallsDoNotOverflowTheStack() {
    assertEquals(100_000, TestFrames.depth(100_000).start().get());
  }

  @Test
  void aCalleeThatSuspendsBelowTheInlineDepthResumesEveryCallerInTurn() {
    // calls run inside their callers up to 64 deep, then from the heap: both halves suspend here
    for (int n : new int[] {1, 63, 64, 65, 200, 10_000}) {
      Greenlet<Integer> deep = TestFrames.depthYieldingAtTheBottom(n).start();
      Greenlet<Integer> other = TestFrames.depth(3).start();
      assertEquals(n, deep.get());
      assertEquals(3, other.get());
    }
  }

  @Test
  void aCalleeFailureIsThrownAtTheCallSiteOfTheCaller() {
    IllegalStateException boom = new IllegalStateException("boom");
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("caller") {
      @Override
      protected Object resume$() {
        switch (state$) {
          case 0:
            if (call$(new TestFrames.Throwing(boom), 1)) {
              return CALL;
            }
            // fall through
          case 1:
            try {
              result$();
              return "not thrown";
            } catch (Throwable caught) {
              return caught == boom ? "caught" : "wrong " + caught;
            }
          default:
            throw new IllegalStateException();
        }
      }
    });
    assertEquals("caught", g.start().get());
    assertEquals("", errors(), "a caught failure is not reported");
  }

  @Test
  void anUncaughtCalleeFailureKillsTheGreenletWithIt() {
    IllegalStateException boom = new IllegalStateException("boom");
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("caller") {
      @Override
      protected Object resume$() throws Throwable {
        switch (state$) {
          case 0:
            if (call$(new TestFrames.Throwing(boom), 1)) {
              return CALL;
            }
            // fall through
          case 1:
            return result$();
          default:
            throw new IllegalStateException();
        }
      }
    });
    g.start().join();
    assertSame(boom, g.exception());
    assertEquals(1, errorCount("failed with IllegalStateException"));
  }

  @Test
  void aCalleeMaySuspendWhileTheCallerWaits() {
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("caller") {
      @Override
      protected Object resume$() throws Throwable {
        switch (state$) {
          case 0:
            if (call$(new TestFrames.Steps(log, "callee", 10, 2), 1)) {
              return CALL;
            }
            // fall through
          case 1:
            return "caller got " + result$();
          default:
            throw new IllegalStateException();
        }
      }
    });
    assertEquals("caller got callee", g.start().get());
    assertEquals(Arrays.asList("calleeA", "calleeB"), log);
    assertEquals(20, nowMillis());
  }

  /**
   * {@code x = callee(); y = dead.get(); return x + "," + y;}: the second call completes without
   * parking, so the frame keeps the value it returned directly.
   */
  @Test
  void aValueReturnedWithoutParkingAfterANestedCallIsKept() {
    Greenlet<String> dead = TestFrames.returning("f", "direct");
    dead.start().join();
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("caller") {
      private String x;
      private String y;

      @Override
      protected Object resume$() throws Throwable {
        for (;;) {
          switch (state$) {
            case 0:
              if (call$(new TestFrames.Returning<>("callee", "nested"), 1)) {
                return CALL;
              }
              // fall through
            case 1:
              x = (String) result$();
              prepare$();
              y = dead.get();
              if (parked$(2)) {
                return SUSPEND;
              }
              // fall through
            case 2:
              if (resumed$()) {
                y = (String) result$();
              }
              return x + "," + y;
            default:
              throw new IllegalStateException();
          }
        }
      }
    });
    assertEquals("nested,direct", g.start().get());
  }

  @Test
  void killDuringANestedCallUnwindsEveryFrame() {
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("outer") {
      @Override
      protected Object resume$() throws Throwable {
        switch (state$) {
          case 0:
            if (call$(new TestFrames.Victim(log, 1000), 1)) {
              return CALL;
            }
            // fall through
          case 1:
            try {
              result$();
              log.add("outer-returned");
            } finally {
              log.add("outer-finally");
            }
            return "done";
          default:
            throw new IllegalStateException();
        }
      }
    });
    g.start();
    Gevent.sleep(0);
    g.kill();
    assertEquals(Arrays.asList("v-start", "v-caught GreenletExit", "v-finally", "outer-finally"), log);
    assertEquals(0, hub.timerCount());
  }
}
