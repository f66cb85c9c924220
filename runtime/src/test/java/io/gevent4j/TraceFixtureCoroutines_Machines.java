package io.gevent4j;

/**
 * Hand-written state machines named and shaped like the processor's output, with a {@code Lines$}
 * table that maps every line of this file to line 11 of {@code Fixture.java}: the fixture of
 * {@code StackTraceRecoveryTest}.
 */
final class TraceFixtureCoroutines_Machines {
  private TraceFixtureCoroutines_Machines() {}

  /** {@code leaf()}: throws an {@code IllegalStateException} at once. */
  static final class leaf$Machine extends TestFrames.Frame<Integer> {
    leaf$Machine() {
      super("leaf");
    }

    @Override
    protected Object resume$() {
      throw new IllegalStateException("leaf");
    }
  }

  /**
   * {@code suppressing(cause)}: throws a checked exception caused by {@code cause}, with a
   * suppressed one, both made here.
   */
  static final class suppressing$Machine extends TestFrames.Frame<Integer> {
    private final Throwable cause;

    suppressing$Machine(Throwable cause) {
      super("suppressing");
      this.cause = cause;
    }

    @Override
    protected Object resume$() throws Throwable {
      Exception failure = new Exception("outer", cause);
      failure.addSuppressed(new IllegalStateException("suppressed"));
      throw failure;
    }
  }

  /** {@code waits()}: sleeps a minute (at line 16 of its source). */
  static final class waits$Machine extends TestFrames.Frame<Void> {
    waits$Machine() {
      super("waits");
    }

    @Override
    protected String location$() {
      return "p.Fixture.waits(Fixture.java:16)";
    }

    @Override
    protected Object resume$() throws Throwable {
      switch (state$) {
        case 0:
          prepare$();
          Gevent.sleep(60_000);
          if (parked$(1)) {
            return SUSPEND;
          }
        default:
          if (resumed$()) {
            result$();
          }
          return null;
      }
    }
  }

  /** {@code middle(callee)}: returns what {@code callee} returns (its call at line 18 of its source). */
  static final class middle$Machine<T> extends TestFrames.Frame<T> {
    private final CoroutineFrame<T> callee;

    middle$Machine(CoroutineFrame<T> callee) {
      super("middle");
      this.callee = callee;
    }

    @Override
    protected String location$() {
      return "p.Fixture.middle(Fixture.java:18)";
    }

    @Override
    protected Object resume$() throws Throwable {
      if (state$ == 0 && call$(callee, 1)) {
        return CALL;
      }
      return result$();
    }
  }

  static final class Lines$ {
    static final String[] MAP = {
      "M leaf$Machine p.Fixture.leaf Fixture.java",
      "M suppressing$Machine p.Fixture.suppressing Fixture.java",
      "M waits$Machine p.Fixture.waits Fixture.java",
      "M middle$Machine p.Fixture.middle Fixture.java",
      "1-10000=11"
    };

    private Lines$() {}
  }
}
