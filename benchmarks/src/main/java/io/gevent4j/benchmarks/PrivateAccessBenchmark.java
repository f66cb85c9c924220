package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a private field in a hot coroutine loop (reached through a {@code static final}
 * method handle accessor) against a package-private one (a plain field access): a greenlet that
 * suspends once, then adds {@link #N} numbers into the field, read and written each time.
 * Microseconds per greenlet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrivateAccessBenchmark {
  static final int N = 10_000;

  private long privateTotal;
  long packageTotal;

  @Coroutine
  long privateLoop(int n) {
    Gevent.sleep(0);
    for (int i = 0; i < n; i++) {
      privateTotal += i ^ privateTotal;
    }
    return privateTotal;
  }

  @Coroutine
  long packageLoop(int n) {
    Gevent.sleep(0);
    for (int i = 0; i < n; i++) {
      packageTotal += i ^ packageTotal;
    }
    return packageTotal;
  }

  @Benchmark
  public long privateField() {
    return PrivateAccessBenchmarkCoroutines.privateLoop(this, N).start().get();
  }

  @Benchmark
  public long packagePrivateField() {
    return PrivateAccessBenchmarkCoroutines.packageLoop(this, N).start().get();
  }
}
