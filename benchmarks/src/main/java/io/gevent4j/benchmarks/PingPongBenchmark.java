package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.queue.Channel;
import java.util.ArrayDeque;
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
 *   <li>{@code greenletChannelHandOff}: the greenlet equivalent of {@code virtualThreadHandOff}: two
 *       greenlets on one hub, a ping-pong through two rendezvous {@link Channel}s ({@code put}
 *       waits for a getter), one switch per transfer.
 *   <li>{@code handWrittenFloor}: the floor (issue 16): two hand-written state machines on an
 *       {@link ArrayDeque} run queue, each waking the other and parking itself, one switch per
 *       resume (the same code as {@code shared/peers/LimitProbe.java}). No hub, no greenlet, no
 *       frame objects: what a switch costs when nothing but the run queue and a field store is
 *       left.
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

  /** Sends {@code rounds} balls on {@code out}, each time waiting for one back on {@code in}. */
  @Coroutine
  static void server(Channel<Integer> out, Channel<Integer> in, int rounds) {
    Integer ball = 1;
    for (int i = 0; i < rounds; i++) {
      out.put(ball);
      in.get();
    }
  }

  /** Returns {@code rounds} balls from {@code in} to {@code out}. */
  @Coroutine
  static void returner(Channel<Integer> in, Channel<Integer> out, int rounds) {
    for (int i = 0; i < rounds; i++) {
      out.put(in.get());
    }
  }

  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public void greenletChannelHandOff() {
    Channel<Integer> ping = new Channel<>();
    Channel<Integer> pong = new Channel<>();
    Gevent.joinAll(PingPongBenchmarkCoroutines.server(ping, pong, SWITCHES / 2),
        PingPongBenchmarkCoroutines.returner(ping, pong, SWITCHES / 2));
  }

  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public long handWrittenFloor() {
    return Floor.run(SWITCHES / 2);
  }

  /**
   * The hand-written floor: {@code shared/peers/LimitProbe.java}, unchanged but for the names. Each
   * side loops {@code n} times: wake the other (add it to the run queue), park itself, return.
   * {@code run(n)} resumes 2n + 2 times (the score's error from the +2 is 0.002%).
   */
  static final class Floor {
    abstract static class Frame {
      int label;

      /** Resumes; true when finished. */
      abstract boolean resume();
    }

    static final ArrayDeque<Frame> READY = new ArrayDeque<>();
    static Frame waiterA;
    static Frame waiterB;

    static final class Side extends Frame {
      final boolean isA;
      final int n;
      int i;

      Side(boolean isA, int n) {
        this.isA = isA;
        this.n = n;
      }

      @Override
      boolean resume() {
        switch (label) {
          case 0:
            i = 0;
            // fall through
          case 1:
            if (i >= n) {
              return true;
            }
            Frame other = isA ? waiterB : waiterA;
            if (other != null) {
              if (isA) {
                waiterB = null;
              } else {
                waiterA = null;
              }
              READY.add(other);
            }
            if (isA) {
              waiterA = this;
            } else {
              waiterB = this;
            }
            label = 2;
            return false;
          case 2:
            i++;
            label = 1;
            return resume();
          default:
            throw new IllegalStateException();
        }
      }
    }

    /** Runs the two sides to the end; returns the number of resumes (switches). */
    static long run(int n) {
      READY.clear();
      waiterA = null;
      waiterB = null;
      READY.add(new Side(true, n));
      READY.add(new Side(false, n));
      long switches = 0;
      Frame f;
      while ((f = READY.poll()) != null) {
        switches++;
        f.resume();
      }
      return switches;
    }
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
