package io.gevent4j;

import io.gevent4j.internal.IoBudget;
import io.gevent4j.internal.IoPoller;
import io.gevent4j.internal.Timer;
import io.gevent4j.internal.TimerEntry;
import io.gevent4j.internal.TimerWheel;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The event loop of one thread: runs ready greenlets and callbacks in FIFO order, fires timers in
 * deadline order and serves I/O readiness, and runs that loop for plain code that waits.
 *
 * <p>Which thread may call what is said on each method: "Any thread." ({@link #submit},
 * {@link #execute}, {@link #spawnFromAnyThread}, {@link #stop}, {@link #thread()}, {@link #clock()},
 * the settings and the static methods) or "Hub thread only." (everything that touches the ready
 * queue, the timers or the greenlets; those methods check it and throw
 * {@link IllegalStateException} on another thread). Which hub a thread has is kept by the thread
 * registry ({@code HubThreads}), failures go through the hub's error handler
 * ({@code FailureReport}) to its {@link Reporter}, and a {@link HubObserver} may watch the tasks it
 * runs.
 *
 * <p>Each thread gets its hub on first use ({@link #current()}). Nothing runs until the thread
 * waits (joins, sleeps, ...): a wait from plain code runs the loop until what it waits for is done,
 * as gevent's main greenlet does. If nothing can ever finish the wait, it throws {@link LoopExit}.
 *
 * <p>One turn of the loop takes work handed over by other threads, fires the timers that are due,
 * then runs the tasks that were ready when the turn began; tasks made ready meanwhile run in the
 * next turn, after timers are checked again, so a greenlet yielding in a loop cannot starve
 * timers.
 *
 * <p>Plain code waiting is gevent's main greenlet: it does not jump the ready queue. When its wait
 * is over it takes its turn at the back of the queue, behind the greenlets already ready, unless a
 * hub callback completed it by a switch ({@link Waiter#resumeBySwitch}: a link of
 * {@code join}, the callback of {@code sleep(0)}), in which case it resumes as soon as that
 * callback returns, as gevent switches to it from inside the callback.
 */
public final class Hub implements java.util.concurrent.Executor {
  final Thread thread;
  private final Clock clock;
  /** Greenlets to step, plain code's turn and callbacks, in FIFO order. */
  private final ArrayDeque<ReadyTask> ready = new ArrayDeque<>();
  private final TimerWheel timers;
  /** Waits for I/O readiness; public to the runtime's socket package through {@link #io()}. */
  private final IoPoller io = new IoPoller();
  /** Fair I/O: operations the running task may complete without waiting; reset per task. */
  private final IoBudget ioBudget = new IoBudget();
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  private volatile boolean idle;
  private volatile IdleStrategy idleStrategy = IdleStrategy.block();
  /** The greenlet being stepped, or null when plain code or a callback runs. */
  Greenlet<?> running;
  /** How many coroutine calls now run inside their callers on this thread ({@link Greenlet#runCallee}). */
  int inlineCalls;
  private boolean looping;
  /** Whether the loop runs the ready tasks of a turn (not timers, not I/O). */
  private boolean inBatch;
  private boolean stopping;
  /** Told about each task this hub runs, when installed (a {@code util.BlockingMonitor}). */
  private volatile HubObserver observer;
  /** The live greenlets (started, not dead), for {@link #dump()}: an intrusive list. */
  Greenlet<?> liveHead;
  /** Waits that another thread promised to complete ({@link Waiter#expectOtherThread()}). */
  private int heldOpen;
  /** The wait of plain code (gevent's main greenlet). */
  final MainWait main = new MainWait(this);
  /** Reports the failures of this hub's greenlets, links and callbacks. */
  final FailureReport failures = new FailureReport();
  /** Whether greenlets record where they were started ({@link #setCaptureSpawnSite}). */
  private volatile boolean captureSpawnSite = Boolean.getBoolean(CAPTURE_SPAWN_SITE);
  /** The system property that turns spawn-site capture on for new hubs. */
  static final String CAPTURE_SPAWN_SITE = "gevent4j.captureSpawnSite";

  /** Made by the thread registry, {@link HubThreads}, only. */
  Hub(Thread thread, Clock clock) {
    this.thread = thread;
    this.clock = clock;
    this.timers = new TimerWheel(clock.nanoTime());
  }

  /** Any thread. The hub of the calling thread, created on first use with {@link Clock#system()}. */
  public static Hub current() {
    return HubThreads.current();
  }

  /**
   * Any thread. Starts a daemon thread that runs its own hub until {@link #stop()}, and returns that
   * hub: hand it work with {@link #submit} or {@link #spawnFromAnyThread}.
   */
  public static Hub startThread(String name) {
    return HubThreads.startThread(name);
  }

  /**
   * Any thread. Creates a greenlet on this hub's thread with {@code factory} (a generated
   * factory, say {@code () -> FooCoroutines.m(args)}), starts it, and completes the returned future
   * with its value or exception.
   */
  public <T> java.util.concurrent.CompletableFuture<T> spawnFromAnyThread(java.util.function.Supplier<Greenlet<T>> factory) {
    java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
    submit(() -> {
      Greenlet<T> greenlet = factory.get();
      greenlet.link(dead -> {
        if (dead.exception() == null) {
          result.complete(dead.value());
        } else {
          result.completeExceptionally(dead.exception());
        }
      });
      greenlet.start();
    });
    return result;
  }

  /**
   * Any thread. Installs (or, with null, removes) the observer told about each task this hub runs:
   * the {@code util.BlockingMonitor} that reports tasks keeping this hub busy longer than it allows
   * (gevent's {@code max_blocking_time}). Takes effect from the next task.
   */
  public void setBlockingMonitor(HubObserver monitor) {
    this.observer = monitor;
  }

  /**
   * Any thread. How this hub waits when it has nothing to run: {@link IdleStrategy#block()} (the
   * default) or {@link IdleStrategy#spin(long)}. Takes effect the next time it is idle.
   */
  public void setIdleStrategy(IdleStrategy strategy) {
    this.idleStrategy = Objects.requireNonNull(strategy, "strategy");
  }

  /** Any thread. This hub's idle strategy ({@link #setIdleStrategy}). */
  public IdleStrategy idleStrategy() {
    return idleStrategy;
  }

  /** Any thread. The hub's thread. */
  public Thread thread() {
    return thread;
  }

  /**
   * Hub thread only. A report of every live greenlet of this hub and where each one waits, frame
   * by frame (gevent's {@code print_run_info}).
   */
  public String dump() {
    assertInHubThread("Hub.dump()");
    StringBuilder out = new StringBuilder(toString()).append('\n');
    for (Greenlet<?> g = liveHead; g != null; g = g.nextLive) {
      g.describeTo(out);
    }
    return out.toString();
  }

  /** Any thread. Makes a hub started with {@link #startThread} finish its loop and its thread end. */
  public void stop() {
    submit(() -> stopping = true);
  }

  /** The loop of a hub thread of {@link #startThread}, run by {@link HubThreads}. */
  void serveUntilStopped() {
    holdOpen();
    looping = true;
    try {
      while (!stopping && turn()) {
        // serve until stopped
      }
    } finally {
      looping = false;
      release();
    }
  }

  /**
   * Any thread; acts on the calling thread. Replaces the calling thread's hub with a new one on
   * {@code clock}, for example {@link Clock#virtual()} in tests. The old hub must be idle (nothing
   * ready, no timers).
   */
  public static Hub install(Clock clock) {
    return HubThreads.install(clock);
  }

  /** Any thread. This hub's clock. */
  public Clock clock() {
    return clock;
  }

  /** Hub thread only. Number of greenlets and callbacks ready to run. */
  public int readyCount() {
    assertInHubThread("Hub.readyCount()");
    return ready.size();
  }

  /** Hub thread only. Number of pending timers. */
  public int timerCount() {
    assertInHubThread("Hub.timerCount()");
    return timers.size();
  }

  /**
   * Hub thread only. The live greenlets of this hub (started, not yet dead; a greenlet parked on a
   * waiter is live), newest first: a snapshot, for test kits and diagnostics ({@link #dump()}
   * shows where each one waits).
   */
  public java.util.List<Greenlet<?>> liveGreenlets() {
    assertInHubThread("Hub.liveGreenlets()");
    java.util.List<Greenlet<?>> live = new java.util.ArrayList<>();
    for (Greenlet<?> g = liveHead; g != null; g = g.nextLive) {
      live.add(g);
    }
    return live;
  }

  /**
   * Hub thread only. Number of cooperative sockets and server sockets of this hub that are open
   * (registered with its I/O poller and not closed), whether or not they wait for readiness.
   */
  public int openChannels() {
    assertInHubThread("Hub.openChannels()");
    return io.openChannels();
  }

  /**
   * Hub thread only. Whether nothing is ready, no timer is pending, no work was handed over by
   * other threads, no channel waits for I/O and no wait expects another thread.
   */
  public boolean isEmpty() {
    assertInHubThread("Hub.isEmpty()");
    return ready.isEmpty() && timers.size() == 0 && inbox.isEmpty() && heldOpen == 0 && !io.hasInterest();
  }

  /**
   * Any thread. Where failures of greenlets, links and callbacks are reported (gevent's
   * {@code hub.exception_stream}), in gevent's format: {@code setReporter(Reporter.gevent(stream))};
   * {@code null} disables reporting ({@link Reporter#none()}). Takes effect from the next report.
   */
  public void setErrorStream(PrintStream stream) {
    setReporter(stream == null ? Reporter.none() : Reporter.gevent(stream));
  }

  /**
   * Any thread. Replaces the reporter of this hub's failures and of a {@code util.BlockingMonitor}
   * started without a stream ({@link Reporter#gevent} on {@code System.err} unless the system
   * property {@code gevent4j.reporter} chose another). Takes effect from the next report.
   */
  public void setReporter(Reporter reporter) {
    failures.setReporter(Objects.requireNonNull(reporter, "reporter"));
  }

  /**
   * Any thread. Whether greenlets started from now on record where they were started
   * ({@link Greenlet#spawningStack()}), shown in their failure reports and in {@link #dump()}: off
   * by default (it costs a stack walk per start), on with {@code -Dgevent4j.captureSpawnSite=true}.
   */
  public void setCaptureSpawnSite(boolean capture) {
    captureSpawnSite = capture;
  }

  /** Any thread. Whether greenlets record where they were started ({@link #setCaptureSpawnSite}). */
  public boolean capturesSpawnSite() {
    return captureSpawnSite;
  }

  /** Any thread. The reporter of this hub's failures ({@link #setReporter}). */
  public Reporter reporter() {
    return failures.reporter();
  }

  /**
   * Any thread: the way in from other threads. Runs {@code task} on this hub's thread in a later
   * turn of its loop, after the work already handed over (FIFO per submitting thread), and wakes
   * the hub if it is idle. On the hub's thread it works too, but {@link #post} is the cheaper way.
   */
  public void submit(Runnable task) {
    inbox.add(Objects.requireNonNull(task, "task"));
    if (idle) {
      LockSupport.unpark(thread);
      io.wakeup();
    }
  }

  /** Hub thread only. This hub's I/O readiness poller, for cooperative sockets. */
  public IoPoller io() {
    assertInHubThread("Hub.io()");
    return io;
  }

  /**
   * Hub thread only. The fair-I/O budget of this hub's tasks, for cooperative sockets: after
   * {@link IoBudget#limit()} operations that did not wait (64 by default), a socket operation
   * yields to the other ready greenlets before it returns.
   */
  public IoBudget ioBudget() {
    assertInHubThread("Hub.ioBudget()");
    return ioBudget;
  }

  /**
   * Any thread. {@link #submit}, so that Java code expecting an {@code Executor} can feed the hub.
   */
  @Override
  public void execute(Runnable task) {
    submit(task);
  }

  /**
   * Hub thread only. Runs {@code task} after the tasks already ready, in this turn's batch or the
   * next. Not thread-safe (the ready queue is not): from another thread use {@link #submit}.
   */
  public void post(Runnable task) {
    assertInHubThread("Hub.post(Runnable)");
    ready.add(new ReadyTask.Callback(Objects.requireNonNull(task, "task")));
  }

  /** Hub thread only. Runs {@code task} once {@code delayMillis} have passed on this hub's clock. */
  public Timer schedule(long delayMillis, Runnable task) {
    assertInHubThread("Hub.schedule(long, Runnable)");
    return scheduleNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMillis)), task);
  }

  Timer scheduleNanos(long delayNanos, Runnable task) {
    return timers.add(TimerWheel.deadline(clock.nanoTime(), delayNanos), task);
  }

  /** Makes {@code sleeper} its own timer, due after {@code delayNanos}: no object per sleep. */
  void wakeAfter(long delayNanos, Greenlet<?> sleeper) {
    timers.add(TimerWheel.deadline(clock.nanoTime(), delayNanos), sleeper);
  }

  /** Undoes {@link #wakeAfter} if {@code sleeper}'s timer has not fired yet. */
  void cancelWake(Greenlet<?> sleeper) {
    timers.remove(sleeper);
  }

  void enqueue(Greenlet<?> greenlet) {
    ready.add(greenlet);
  }

  /** Queues the turn of plain code, marked by the {@link Waiter} it waited on ({@link MainWait}). */
  void enqueueTurnOf(Waiter<?> marker) {
    ready.add(marker);
  }

  /** Queues {@code greenlet} before every other ready task (a callback that must go on first). */
  void enqueueFirst(Greenlet<?> greenlet) {
    ready.addFirst(greenlet);
  }

  /**
   * Whether a wake-up by switch may run its greenlet at once: a hub callback of the ready queue
   * runs, not a greenlet, a timer or an I/O handler.
   */
  boolean inCallback() {
    return inBatch && running == null;
  }

  /** Takes back a greenlet enqueued by {@link #enqueue} that must no longer run. */
  void dequeue(Greenlet<?> greenlet) {
    ready.removeFirstOccurrence(greenlet);
  }

  void holdOpen() {
    heldOpen++;
  }

  void release() {
    heldOpen--;
  }

  boolean isHubThread() {
    return thread == Thread.currentThread();
  }

  /**
   * Throws unless the calling thread is this hub's: the check of a "Hub thread only" entry point,
   * {@code method} naming it. Not called on the per-switch path (stepping, parking, enqueueing,
   * firing timers), which only the hub's own loop reaches.
   */
  void assertInHubThread(String method) {
    if (Thread.currentThread() != thread) {
      throw notInHubThread(method);
    }
  }

  /** The failure of {@link #assertInHubThread}, built off the fast path. */
  IllegalStateException notInHubThread(String method) {
    return new IllegalStateException(method + " is hub thread only: called on thread \""
        + Thread.currentThread().getName() + "\", but the hub at 0x" + Integer.toHexString(System.identityHashCode(this))
        + " runs on thread \"" + thread.getName() + "\"; hand work to it with submit, execute or spawnFromAnyThread");
  }

  /**
   * Runs the loop until {@code waiter} is done: the wait of plain code (gevent's main greenlet).
   *
   * @throws LoopExit if nothing left can ever complete the waiter
   */
  void block(Waiter<?> waiter) {
    assertInHubThread("Waiter.await (a wait of plain code)");
    checkMayRunLoop();
    if (!main.begin(waiter)) {
      return;
    }
    looping = true;
    try {
      while (!main.resumed()) {
        if (!turn()) {
          throw new LoopExit(this, waiter.awaited);
        }
      }
    } finally {
      looping = false;
      main.end();
    }
  }

  /** Runs turns until nothing is left (see {@link Gevent#waitIdle()}). */
  void runUntilIdle() {
    checkMayRunLoop();
    looping = true;
    try {
      while (turn()) {
        // keep going until the loop would block forever
      }
    } finally {
      looping = false;
    }
  }

  /** Plain code may run the loop; a greenlet or a hub callback may not (it would re-enter it). */
  private void checkMayRunLoop() {
    if (running != null) {
      throw UntransformedCallException.forCurrentStack(running);
    }
    if (looping) {
      throw new IllegalStateException(
          "a hub callback tried to wait; callbacks run inside the hub and must not block "
              + "(spawn a greenlet for work that waits)");
    }
  }

  /**
   * One turn of the loop; returns false when nothing is left that could ever run. It ends early
   * when plain code's wait is over and its turn came.
   */
  private boolean turn() {
    drainInbox();
    fireDueTimers();
    if (io.hasInterest()) {
      io.poll();
    }
    int batch = ready.size();
    if (batch == 0) {
      return idleUntilWork();
    }
    inBatch = true;
    try {
      for (int i = 0; i < batch && !main.resumed(); i++) {
        runReady(ready.poll());
      }
    } finally {
      inBatch = false;
      main.requeueSwitched();
    }
    return true;
  }

  private void drainInbox() {
    Runnable task;
    while ((task = inbox.poll()) != null) {
      ready.add(new ReadyTask.Callback(task));
    }
  }

  private void fireDueTimers() {
    if (timers.size() == 0) {
      return;
    }
    long now = clock.nanoTime();
    TimerEntry timer;
    while ((timer = timers.pollDue(now)) != null) {
      runTimer(timer);
    }
  }

  private boolean idleUntilWork() {
    boolean hasTimers = timers.size() != 0;
    boolean waitsForIo = io.hasInterest();
    if (!hasTimers && inbox.isEmpty() && heldOpen == 0 && !waitsForIo) {
      return false;
    }
    // the earliest deadline, or a time before it: waking then moves the wheel on
    long next = timers.nextDeadline();
    if (spinUntilWork(hasTimers, next, waitsForIo)) {
      return true;
    }
    idle = true;
    try {
      if (!inbox.isEmpty()) {
        return true;
      }
      if (waitsForIo && (!hasTimers || clock == Clock.system())) {
        io.await(!hasTimers ? 0 : Math.max(1, TimerWheel.remaining(next, clock.nanoTime())));
      } else if (hasTimers) {
        clock.awaitDeadline(next);
      } else {
        LockSupport.park(this);
      }
    } finally {
      idle = false;
    }
    return true;
  }

  /**
   * Polls for up to the idle strategy's spin time for work from other threads, the timers' next
   * deadline {@code next} or I/O (dispatched here); returns whether some came. Not idle meanwhile:
   * submitters need not wake it.
   */
  private boolean spinUntilWork(boolean hasTimers, long next, boolean waitsForIo) {
    long spin = idleStrategy.spinNanos();
    if (spin == 0 || clock != Clock.system()) {
      return false;
    }
    long end = System.nanoTime() + spin;
    do {
      if (!inbox.isEmpty() || hasTimers && TimerWheel.remaining(next, clock.nanoTime()) <= 0
          || waitsForIo && io.poll()) {
        return true;
      }
      IdleStrategy.pause();
    } while (System.nanoTime() - end < 0);
    return false;
  }

  private void runReady(ReadyTask task) {
    HubObserver watching = watch(task.observed());
    try {
      task.runReady(this);
    } finally {
      unwatch(watching);
    }
  }

  private void runTimer(TimerEntry timer) {
    HubObserver watching = watch(timer);
    try {
      if (timer instanceof Greenlet) { // a sleep or a startLater: the greenlet is its own timer
        ((Greenlet<?>) timer).timerElapsed();
      } else {
        ((Timer) timer).fire();
      }
    } catch (Throwable failure) {
      failures.callbackFailed(timer, failure);
    } finally {
      unwatch(watching);
    }
  }

  /** Starts a task: a fresh fair-I/O budget, and the observer told; returns the observer to tell when it ends. */
  private HubObserver watch(Object task) {
    ioBudget.reset();
    HubObserver watching = observer;
    if (watching != null) {
      watching.entering(task);
    }
    return watching;
  }

  private static void unwatch(HubObserver watching) {
    if (watching != null) {
      watching.left();
    }
  }

  /** Any thread; the counts it shows are exact on the hub thread only. */
  @Override
  public String toString() {
    return "<Hub at 0x" + Integer.toHexString(System.identityHashCode(this)) + " thread="
        + thread.getName() + " ready=" + ready.size() + " timers=" + timers.size() + ">";
  }
}
