package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.hubs.Hubs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hub-local work on 1, 2 … N hubs of a {@link Hubs} group: every hub does the same work at once
 * (a ping-pong of {@link PingPongBenchmark#SWITCHES} {@code sleep(0)} switches, or spawning and
 * joining {@link #TASKS} greenlets), so with no shared state on the hot path the time per
 * invocation stays flat as hubs are added, up to the number of free cores. Milliseconds per
 * invocation (all hubs done); the aggregate rate is {@code hubs × work / time}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HubsBenchmark {
  /** Greenlets spawned and joined per hub per invocation. */
  static final int TASKS = 100_000;

  @Param({"1", "2"})
  public int hubs;

  private Hubs group;

  @Setup(Level.Trial)
  public void start() {
    group = Hubs.start(hubs);
  }

  @TearDown(Level.Trial)
  public void stop() {
    group.close();
  }

  /** Two greenlets of this hub taking turns {@code switches} times. */
  @Coroutine
  static void pingPong(int switches) {
    Gevent.joinAll(Gevent.spawn(PingPongBenchmarkCoroutines.player(switches / 2)), Gevent.spawn(PingPongBenchmarkCoroutines.player(switches / 2)));
  }

  /** Spawns {@code tasks} greenlets on this hub and joins them. */
  @Coroutine
  static void spawnJoin(int tasks) {
    List<Greenlet<Void>> all = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      all.add(Gevent.spawn(SpawnBenchmarkCoroutines.nothing()));
    }
    Gevent.joinAll(all);
  }

  @Benchmark
  public void pingPongOnEachHub() {
    joinAll(group.spawnOnEach(i -> HubsBenchmarkCoroutines.pingPong(PingPongBenchmark.SWITCHES)));
  }

  @Benchmark
  public void spawnJoinOnEachHub() {
    joinAll(group.spawnOnEach(i -> HubsBenchmarkCoroutines.spawnJoin(TASKS)));
  }

  private static void joinAll(List<CompletableFuture<Void>> hubsDone) {
    for (CompletableFuture<Void> done : hubsDone) {
      done.join();
    }
  }
}
