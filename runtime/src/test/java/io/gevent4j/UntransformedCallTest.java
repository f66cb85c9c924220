package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A @Yielding call from code the processor did not transform fails loudly, naming the method to annotate. */
class UntransformedCallTest extends HubTestSupport {

  private static UntransformedCallException failureOf(Greenlet<?> g) {
    g.start().join();
    assertTrue(g.isDead());
    return assertInstanceOf(UntransformedCallException.class, g.exception());
  }

  @Test
  void sleepFromAPlainHelperNamesTheHelper() {
    Greenlet<Void> g = TestFrames.callingPlainHelper(1);
    UntransformedCallException failure = failureOf(g);
    String message = failure.getMessage();
    assertTrue(message.contains("Annotate " + TestFrames.class.getName() + ".sleepInPlainHelper with @Coroutine"), message);
    assertTrue(message.contains("@Yielding Gevent.sleep"), message);
    assertTrue(message.contains(g.toString()), message);
    assertNull(g.value());
  }

  @Test
  void theFailureIsReportedLikeAnyOther() {
    Greenlet<Void> g = TestFrames.callingPlainHelper(1);
    failureOf(g);
    assertEquals(1, errorCount(g + " failed with UntransformedCallException"), errors());
  }

  @Test
  void theRejectedCallLeavesNoTimerBehind() {
    failureOf(TestFrames.callingPlainHelper(1000));
    assertEquals(0, hub.timerCount());
    assertEquals(0, nowMillis(), "nothing slept");
  }

  @Test
  void sleepZeroFromAPlainHelperIsRejectedToo() {
    failureOf(TestFrames.callingPlainHelper(0));
  }

  @Test
  void aLambdaIsNamedAsALambda() {
    Greenlet<Void> g = Greenlet.of(new TestFrames.Frame<Void>("inLambda") {
      @Override
      protected Object resume$() {
        Runnable r = () -> Gevent.sleep(1);
        r.run();
        return null;
      }
    });
    String message = failureOf(g).getMessage();
    assertTrue(message.contains("a lambda in"), message);
    assertTrue(message.contains("Move the call out of the lambda"), message);
  }

  @Test
  void joinFromAPlainHelperIsRejected() {
    Greenlet<String> other = TestFrames.sleeper(log, "other", 10);
    other.start();
    Greenlet<Void> g = Greenlet.of(new TestFrames.Frame<Void>("joiner") {
      @Override
      protected Object resume$() {
        joinWithoutCoroutine(other);
        return null;
      }
    });
    String message = failureOf(g).getMessage();
    assertTrue(message.contains("Annotate " + UntransformedCallTest.class.getName() + ".joinWithoutCoroutine"), message);
    other.join();
  }

  private static void joinWithoutCoroutine(Greenlet<?> other) {
    other.join();
  }

  @Test
  void otherGreenletsAreUndisturbed() {
    Greenlet<String> neighbour = TestFrames.stepper(log, "n", 5, 3).start();
    failureOf(TestFrames.callingPlainHelper(1));
    neighbour.join();
    assertEquals(java.util.Arrays.asList("nA", "nB", "nC"), log);
  }
}
