package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * The cost of switching between two tasks on one core (SPEC §7: ≤ 15 ns per greenlet switch, ≥ 20×
 * faster than virtual threads). Scores are nanoseconds per switch: each benchmark hands control
 * back and forth {@link #SWITCHES} times per invocation.
 *
 * <ul>
 *   <li>{@code greenletSleep0}: two greenlets on one hub, each calling {@code Gevent.sleep(0)}: one
 *       switch per call (the caller goes behind the other in the FIFO ready queue).
 *   <li>{@code virtualThreadYield}: the same with two virtual threads calling {@code Thread.yield()}
 *       on a one-carrier scheduler ({@code -Djdk.virtualThreadScheduler.parallelism=1}).
 *   <li>{@code virtualThreadHandOff} and {@code platformThreadHandOff}: a ping-pong through two
 *       {@link SynchronousQueue}s, one switch per transfer (OpenJDK's PingPong stress test).
 * </ul>
 *
 * <p>Why these peers are the fair ones. {@code Gevent.sleep(0)} is a yield: the caller goes to the
 * back of the hub's FIFO ready queue and the other greenlet runs; nothing is handed over. The exact
 * virtual-thread equivalent is {@code Thread.yield()} on a single carrier: the thread is unmounted
 * and resubmitted behind the other one in the carrier's FIFO queue, which is the same "switch to the
 * other task" with no synchronisation object. It is the closest peer and the one the SPEC §7 ratio
 * is taken against. The {@code SynchronousQueue} ping-pong is what virtual-thread code would
 * actually write to take turns (and what OpenJDK's PingPong stress test does): each transfer parks
 * one thread and unparks the other, so it also counts park/unpark. Platform threads have no
 * cooperative yield on one core (the two threads run on both cores here), so they get only the
 * hand-off. {@code maxPoolSize=1} keeps the virtual-thread scheduler from adding carriers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
public class PingPongBenchmark {
  /** Switches per invocation. */
  static final int SWITCHES = 100_000;

  /** Yields {@code rounds} times. */
  @Coroutine
  static void player(int rounds) {
    for (int i = 0; i < rounds; i++) {
      Gevent.sleep(0);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public void greenletSleep0() {
    Gevent.joinAll(PingPongBenchmarkCoroutines.player(SWITCHES / 2), PingPongBenchmarkCoroutines.player(SWITCHES / 2));
  }

  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public void virtualThreadYield() throws InterruptedException {
    Runnable player = () -> {
      for (int i = 0; i < SWITCHES / 2; i++) {
        Thread.yield();
      }
    };
    Peers.joinAll(Peers.virtualThread(player), Peers.virtualThread(player));
  }

  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public void virtualThreadHandOff() throws InterruptedException {
    handOff(Peers::virtualThread);
  }

  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public void platformThreadHandOff() throws InterruptedException {
    handOff(Peers::platformThread);
  }

  /** A ping-pong of {@link #SWITCHES} transfers through two {@link SynchronousQueue}s between two threads {@code start} starts. */
  static void handOff(Function<Runnable, Thread> start) throws InterruptedException {
    SynchronousQueue<Integer> ping = new SynchronousQueue<>();
    SynchronousQueue<Integer> pong = new SynchronousQueue<>();
    Integer ball = 1;
    Thread a = start.apply(() -> {
      try {
        for (int i = 0; i < SWITCHES / 2; i++) {
          ping.put(ball);
          pong.take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread b = start.apply(() -> {
      try {
        for (int i = 0; i < SWITCHES / 2; i++) {
          ping.take();
          pong.put(ball);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Peers.joinAll(a, b);
  }
}
