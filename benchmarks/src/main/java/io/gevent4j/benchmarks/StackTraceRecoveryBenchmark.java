package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of stack-trace recovery (issue 14). One greenlet's loop calls a coroutine that calls two
 * more, the third of which throws; the loop catches the exception {@link #THROWS} times per
 * invocation. The score is nanoseconds per throw and catch: creating the exception (the JVM fills
 * its stack), its way through three coroutine frames, and, with recovery on, the rewrite.
 *
 * <ul>
 *   <li>{@code recoveryOn} / {@code recoveryOff}: the trace is never read
 *       ({@code -Dgevent4j.stackTraceRecovery=false} for off);
 *   <li>{@code recoveryOnRead} / {@code recoveryOffRead}: the catch reads {@code getStackTrace()},
 *       as a logger would.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StackTraceRecoveryBenchmark {
  /** Throws caught per invocation. */
  static final int THROWS = 1_000;
  private static final String OFF = "-Dgevent4j.stackTraceRecovery=false";

  @Coroutine
  static int leaf(int i) {
    throw new IllegalStateException("leaf");
  }

  @Coroutine
  static int middle(int i) {
    return leaf(i) + 1;
  }

  @Coroutine
  static int top(int i) {
    return middle(i) + 1;
  }

  /** Catches {@code n} failures of {@code top}; sums their trace lengths if {@code read}. */
  @Coroutine
  static int catcher(int n, boolean read) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      try {
        sum += top(i);
      } catch (IllegalStateException e) {
        sum += read ? e.getStackTrace().length : 1;
      }
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(THROWS)
  public int recoveryOn() {
    return Gevent.spawn(StackTraceRecoveryBenchmarkCoroutines.catcher(THROWS, false)).get();
  }

  @Benchmark
  @OperationsPerInvocation(THROWS)
  @Fork(value = 1, jvmArgsAppend = OFF)
  public int recoveryOff() {
    return Gevent.spawn(StackTraceRecoveryBenchmarkCoroutines.catcher(THROWS, false)).get();
  }

  @Benchmark
  @OperationsPerInvocation(THROWS)
  public int recoveryOnRead() {
    return Gevent.spawn(StackTraceRecoveryBenchmarkCoroutines.catcher(THROWS, true)).get();
  }

  @Benchmark
  @OperationsPerInvocation(THROWS)
  @Fork(value = 1, jvmArgsAppend = OFF)
  public int recoveryOffRead() {
    return Gevent.spawn(StackTraceRecoveryBenchmarkCoroutines.catcher(THROWS, true)).get();
  }
}
