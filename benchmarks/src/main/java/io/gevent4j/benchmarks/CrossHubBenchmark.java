package io.gevent4j.benchmarks;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.IdleStrategy;
import io.gevent4j.hubs.Hubs;
import io.gevent4j.hubs.SharedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one hand-off between two tasks that may run on two cores: a ping-pong of
 * {@link PingPongBenchmark#SWITCHES} transfers. Nanoseconds per transfer.
 *
 * <ul>
 *   <li>{@code sharedQueueCrossHub}: two greenlets on hubs 0 and 1 of a {@link Hubs} group,
 *       through two {@link SharedQueue}s: each transfer wakes the other hub through its inbox.
 *   <li>{@code sharedQueueCrossHubSpinning}: the same with both hubs spinning when idle
 *       ({@link IdleStrategy#spin}): a hub that polls its inbox needs no wake-up.
 *   <li>{@code sharedQueueSameHub}: the same two greenlets both on hub 0 (the lock and a post).
 *   <li>{@code platformThreadHandOff}, {@code virtualThreadHandOff}: two threads through two
 *       {@code SynchronousQueue}s ({@link PingPongBenchmark#handOff}); virtual threads get two
 *       carriers here, as the greenlets get two hubs.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=2", "-Djdk.virtualThreadScheduler.maxPoolSize=2"})
public class CrossHubBenchmark {
  private static final Integer BALL = 1;

  private Hubs group;

  @Setup(Level.Trial)
  public void start() {
    group = Hubs.start(2);
  }

  @TearDown(Level.Trial)
  public void stop() {
    group.close();
  }

  /** Sends the ball {@code rounds} times on {@code ping}, waiting for it back on {@code pong}. */
  @Coroutine
  static void serve(SharedQueue<Integer> ping, SharedQueue<Integer> pong, int rounds) {
    for (int i = 0; i < rounds; i++) {
      ping.put(BALL);
      pong.get();
    }
  }

  /** Returns the ball {@code rounds} times. */
  @Coroutine
  static void returnBall(SharedQueue<Integer> ping, SharedQueue<Integer> pong, int rounds) {
    for (int i = 0; i < rounds; i++) {
      pong.put(ping.get());
    }
  }

  @Benchmark
  @OperationsPerInvocation(PingPongBenchmark.SWITCHES)
  public void sharedQueueCrossHub() {
    rally(1);
  }

  /** The cross-hub rally with both hubs spinning up to 50 µs when idle ({@code IdleStrategy.spin(50)}). */
  @Benchmark
  @OperationsPerInvocation(PingPongBenchmark.SWITCHES)
  public void sharedQueueCrossHubSpinning() {
    group.setIdleStrategy(IdleStrategy.spin(50));
    try {
      rally(1);
    } finally {
      group.setIdleStrategy(IdleStrategy.block());
    }
  }

  @Benchmark
  @OperationsPerInvocation(PingPongBenchmark.SWITCHES)
  public void sharedQueueSameHub() {
    rally(0);
  }

  private void rally(int returnerHub) {
    SharedQueue<Integer> ping = new SharedQueue<>();
    SharedQueue<Integer> pong = new SharedQueue<>();
    int rounds = PingPongBenchmark.SWITCHES / 2;
    CompletableFuture<Void> returner = group.spawn(returnerHub, () -> CrossHubBenchmarkCoroutines.returnBall(ping, pong, rounds));
    group.spawn(0, () -> CrossHubBenchmarkCoroutines.serve(ping, pong, rounds)).join();
    returner.join();
  }

  @Benchmark
  @OperationsPerInvocation(PingPongBenchmark.SWITCHES)
  public void platformThreadHandOff() throws InterruptedException {
    PingPongBenchmark.handOff(Peers::platformThread);
  }

  @Benchmark
  @OperationsPerInvocation(PingPongBenchmark.SWITCHES)
  public void virtualThreadHandOff() throws InterruptedException {
    PingPongBenchmark.handOff(Peers::virtualThread);
  }
}
