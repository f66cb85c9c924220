package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import java.util.ArrayList;
import java.util.List;
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
 * SPEC §7's task-creation figures: spawn and join a million tasks, and the "skynet" tree of
 * 1,111,111 tasks (each of the 111,111 parents spawns ten children and sums their results; the
 * root gets 499999500000). Peers: virtual threads on one carrier, in the same run. Milliseconds
 * per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
public class SpawnBenchmark {
  static final int TASKS = 1_000_000;
  static final long SKYNET_ROOT = 499_999_500_000L;

  /** Does nothing: the cost measured is the greenlet's. */
  @Coroutine
  static void nothing() {
  }

  /** A skynet node: a leaf returns its number, a parent sums its ten children. */
  @Coroutine
  static long skynet(long number, int size) {
    if (size == 1) {
      return number;
    }
    List<Greenlet<Long>> children = new ArrayList<>(10);
    for (int i = 0; i < 10; i++) {
      children.add(Gevent.spawn(SpawnBenchmarkCoroutines.skynet(number + i * (size / 10), size / 10)));
    }
    long sum = 0;
    for (Greenlet<Long> child : children) {
      sum += child.get();
    }
    return sum;
  }

  @Benchmark
  public void greenletSpawnJoin() {
    List<Greenlet<Void>> all = new ArrayList<>(TASKS);
    for (int i = 0; i < TASKS; i++) {
      all.add(Gevent.spawn(SpawnBenchmarkCoroutines.nothing()));
    }
    Gevent.joinAll(all);
  }

  @Benchmark
  public void virtualThreadSpawnJoin() throws InterruptedException {
    Thread[] all = new Thread[TASKS];
    Runnable nothing = () -> { };
    for (int i = 0; i < TASKS; i++) {
      all[i] = Peers.virtualThread(nothing);
    }
    Peers.joinAll(all);
  }

  @Benchmark
  public long greenletSkynet() {
    long sum = SpawnBenchmarkCoroutines.skynet(0, TASKS).start().get();
    if (sum != SKYNET_ROOT) {
      throw new AssertionError(sum);
    }
    return sum;
  }

  @Benchmark
  public long virtualThreadSkynet() throws InterruptedException {
    long[] result = new long[1];
    Peers.virtualThread(() -> result[0] = virtualSkynet(0, TASKS)).join();
    if (result[0] != SKYNET_ROOT) {
      throw new AssertionError(result[0]);
    }
    return result[0];
  }

  private static long virtualSkynet(long number, int size) {
    if (size == 1) {
      return number;
    }
    long[] sums = new long[10];
    Thread[] children = new Thread[10];
    for (int i = 0; i < 10; i++) {
      int index = i;
      children[i] = Peers.virtualThread(() -> sums[index] = virtualSkynet(number + index * (size / 10), size / 10));
    }
    long sum = 0;
    try {
      Peers.joinAll(children);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    for (long part : sums) {
      sum += part;
    }
    return sum;
  }
}
