package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of calling a coroutine from a coroutine by how it is dispatched. Each benchmark runs
 * one greenlet whose loop makes {@link #CALLS} calls of a callee that returns at once (no
 * suspension); the score is nanoseconds per call, the nested frame's push and pop included.
 *
 * <ul>
 *   <li>{@code staticCall}: a static coroutine (no dispatch).
 *   <li>{@code finalCall}: an instance coroutine of a final class (no dispatch).
 *   <li>{@code overridableMonomorphic}: an overridable coroutine called on an instance of its own
 *       class (the exact-class fast path).
 *   <li>{@code interfaceMonomorphic}: an interface's coroutine, one implementing class (the
 *       per-class cached handle, every call).
 *   <li>{@code interfaceBimorphic}: the same, two implementing classes alternating.
 *   <li>{@code plainCallInCoroutine}: the baseline of issue 16's nested-call target: the same
 *       greenlet loop calling a plain (not {@code @Coroutine}) static method with the same body. The
 *       JIT inlines it, so this is the loop's own cost.
 *   <li>{@code plainCallNotInlined}: a plain loop (no greenlet) calling a plain static method the
 *       JIT may not inline ({@code @CompilerControl(DONT_INLINE)}): the cost of a real call.
 * </ul>
 *
 * <p>{@code staticCall} is issue 16's "nested coroutine call that completes without suspending"
 * (target ≤ 10 ns); the two plain rows are what it is compared with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {
  /** Calls per invocation. */
  static final int CALLS = 100_000;

  /** The callee's type when it is called through an interface. */
  public interface Counter {
    @Coroutine
    int next(int x);
  }

  /** Overridable: not final, and so is its method. */
  public static class Open {
    @Coroutine
    public int next(int x) {
      return x + 1;
    }
  }

  /** Final: its coroutine is never dispatched. */
  public static final class Closed {
    @Coroutine
    public int next(int x) {
      return x + 1;
    }
  }

  /** One implementation of {@link Counter}. */
  public static final class One implements Counter {
    @Coroutine
    @Override
    public int next(int x) {
      return x + 1;
    }
  }

  /** Another implementation of {@link Counter}. */
  public static final class Two implements Counter {
    @Coroutine
    @Override
    public int next(int x) {
      return x + 2;
    }
  }

  private final Open open = new Open();
  private final Closed closed = new Closed();
  private final Counter[] monomorphic = {new One(), new One()};
  private final Counter[] bimorphic = {new One(), new Two()};

  @Coroutine
  static int staticNext(int x) {
    return x + 1;
  }

  @Coroutine
  static int loopStatic(int n) {
    int x = 0;
    for (int i = 0; i < n; i++) {
      x = staticNext(x);
    }
    return x;
  }

  /** The same body as {@link #staticNext}, not a coroutine. */
  static int plainNext(int x) {
    return x + 1;
  }

  /** The same body, never inlined. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static int plainNextNotInlined(int x) {
    return x + 1;
  }

  @Coroutine
  static int loopPlain(int n) {
    int x = 0;
    for (int i = 0; i < n; i++) {
      x = plainNext(x);
    }
    return x;
  }

  @Coroutine
  static int loopFinal(Closed callee, int n) {
    int x = 0;
    for (int i = 0; i < n; i++) {
      x = callee.next(x);
    }
    return x;
  }

  @Coroutine
  static int loopOpen(Open callee, int n) {
    int x = 0;
    for (int i = 0; i < n; i++) {
      x = callee.next(x);
    }
    return x;
  }

  @Coroutine
  static int loopInterface(Counter[] callees, int n) {
    int x = 0;
    for (int i = 0; i < n; i++) {
      x = callees[i & 1].next(x);
    }
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int staticCall() {
    return Gevent.spawn(DispatchBenchmarkCoroutines.loopStatic(CALLS)).get();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int finalCall() {
    return Gevent.spawn(DispatchBenchmarkCoroutines.loopFinal(closed, CALLS)).get();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int overridableMonomorphic() {
    return Gevent.spawn(DispatchBenchmarkCoroutines.loopOpen(open, CALLS)).get();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int interfaceMonomorphic() {
    return Gevent.spawn(DispatchBenchmarkCoroutines.loopInterface(monomorphic, CALLS)).get();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int interfaceBimorphic() {
    return Gevent.spawn(DispatchBenchmarkCoroutines.loopInterface(bimorphic, CALLS)).get();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int plainCallInCoroutine() {
    return Gevent.spawn(DispatchBenchmarkCoroutines.loopPlain(CALLS)).get();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int plainCallNotInlined() {
    int x = 0;
    for (int i = 0; i < CALLS; i++) {
      x = plainNextNotInlined(x);
    }
    return x;
  }
}
