package io.gevent4j;

import io.gevent4j.internal.Sneaky;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.WaitList;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A lightweight task: one run of a {@code @Coroutine} method, scheduled by its thread's
 * {@link Hub}. Hub thread only: {@link #start()}, {@link #startLater}, {@link #killAsync(Throwable)}
 * and the link methods check it and throw {@link IllegalStateException} on another thread (use
 * {@link Hub#spawnFromAnyThread} or {@link Hub#submit} to reach a greenlet from there).
 *
 * <p>Get one from a generated factory ({@code FooCoroutines.m(args)}), then {@link #start()} it or
 * pass it to {@link Gevent#spawn}. As in gevent, starting only schedules it: it runs when its
 * thread next waits. When it ends, its result is kept ({@link #value()}, {@link #exception()}); a
 * failure is reported once to the hub's error stream and never disturbs other greenlets.
 *
 * @param <T> the result type, {@code Void} for void methods
 */
public final class Greenlet<T> extends ReadyTask {
  private static final byte NEW = 0;
  private static final byte SCHEDULED = 1;
  private static final byte RUNNING = 2;
  private static final byte SUSPENDED = 3;
  private static final byte DEAD = 4;
  /**
   * How deep coroutine calls run inside their callers on the Java stack ({@link #runCallee});
   * deeper ones return to {@link #step()}, which runs them from the heap stack.
   */
  private static final int MAX_INLINE_CALLS = 64;

  final Hub hub;
  /**
   * The innermost frame of this greenlet's stack; before it starts and once it is dead, its root
   * frame, kept for its repr ({@link #rootFrame}). Null for a thread's main greenlet only.
   */
  CoroutineFrame<?> top;
  private byte state;
  /** Set by a {@code @Yielding} primitive that suspends this greenlet. */
  private boolean parked;
  /** Set when a result or exception was delivered and the frame has not taken it yet. */
  boolean resumed;
  private boolean queued;
  /**
   * Set by the generated code right before it calls a {@code @Yielding} method, cleared when the
   * call returns, throws, or suspends the greenlet ({@link #claimCooperative}): a primitive sees
   * that generated code, not plain code, called it. A flag of its own greenlet, not a hub field
   * holding the greenlet: a {@code boolean} store costs no GC write barrier.
   */
  private boolean cooperative;
  /** Whether {@link #result} is an exception to throw at the suspension point. */
  private boolean deliveredFails;
  /** Whether {@link #result} is the exception the greenlet failed with. */
  private boolean failed;
  /**
   * While alive, the result or exception delivered to the frame, until it takes it; once dead, the
   * value, or the exception if {@link #failed} (one field for both keeps a greenlet at 56 bytes).
   */
  private Object result;
  /** The wait this greenlet is parked on, a {@link Waiter} or a {@link WaitList}; cancelled by {@link #kill()}. */
  private Object waitingOn;
  /**
   * The link callbacks, as {@link Links} keeps them; or, once made, the {@link GreenletDetails}
   * that keep them beside the repr and the spawn site (one field for both keeps a greenlet at 56
   * bytes).
   */
  private Object linksOrDetails;
  /** Neighbours in the hub's list of live greenlets. */
  Greenlet<?> prevLive;
  Greenlet<?> nextLive;
  /**
   * Its place in the hub's timers while {@link #startLater} or a cooperative sleep waits: the
   * greenlet is its own timer entry.
   */
  private long timerPlace;

  private Greenlet(Hub hub, CoroutineFrame<T> root) {
    this.hub = hub;
    this.top = root;
    if (root != null) {
      root.greenlet = this;
    }
  }

  /** A new, unstarted greenlet running {@code frame} on the calling thread's hub. For generated code. */
  public static <T> Greenlet<T> of(CoroutineFrame<T> frame) {
    return new Greenlet<>(Hub.current(), Objects.requireNonNull(frame, "frame"));
  }

  static Greenlet<Void> mainOf(Hub hub) {
    Greenlet<Void> main = new Greenlet<>(hub, null);
    main.state = RUNNING;
    main.details().repr = "<Greenlet \"main\" at 0x" + Integer.toHexString(System.identityHashCode(main)) + ">";
    return main;
  }

  /** Schedules the greenlet to run on its hub; a second call does nothing. Returns this. */
  public Greenlet<T> start() {
    if (!hub.isHubThread()) {
      throw hub.notInHubThread("Greenlet.start() of " + this);
    }
    if (state == NEW) {
      state = SCHEDULED;
      enlist();
      schedule();
    }
    return this;
  }

  private void enlist() {
    if (hub.capturesSpawnSite()) {
      details().spawnSite = StackTraceRecovery.spawnSite(hub);
    }
    Greenlet<?> head = hub.liveHead;
    nextLive = head;
    if (head != null) {
      head.prevLive = this;
    }
    hub.liveHead = this;
  }

  private void delist() {
    if (prevLive != null) {
      prevLive.nextLive = nextLive;
    } else if (hub.liveHead == this) {
      hub.liveHead = nextLive;
    }
    if (nextLive != null) {
      nextLive.prevLive = prevLive;
    }
    prevLive = null;
    nextLive = null;
  }

  /** Appends this greenlet's state and frames, innermost first, to a dump. */
  void describeTo(StringBuilder out) {
    String status = state == SUSPENDED ? (queued ? "ready" : waitingOn != null ? "waiting" : "suspended")
        : state == SCHEDULED ? "scheduled" : state == RUNNING ? "running" : "dead";
    out.append(this).append(' ').append(status).append('\n');
    for (CoroutineFrame<?> frame = state == DEAD ? null : top; frame != null; frame = frame.caller) {
      out.append("    at ").append(frame.location$()).append('\n');
    }
    out.append(ReportText.spawnedAt(this));
  }

  /**
   * Where {@link #start()} (or {@link Gevent#spawn}) was called, in the user's source, if the hub
   * captured it ({@link Hub#setCaptureSpawnSite}); else null. A copy.
   */
  public StackTraceElement[] spawningStack() {
    Object known = linksOrDetails;
    StackTraceElement[] site = known instanceof GreenletDetails ? ((GreenletDetails) known).spawnSite : null;
    return site == null ? null : site.clone();
  }

  private GreenletDetails details() {
    Object known = linksOrDetails;
    if (known instanceof GreenletDetails) {
      return (GreenletDetails) known;
    }
    GreenletDetails details = new GreenletDetails();
    details.links = known;
    linksOrDetails = details;
    return details;
  }

  /** The link callbacks, as {@link Links} keeps them (null for none). */
  private Object links() {
    Object known = linksOrDetails;
    return known instanceof GreenletDetails ? ((GreenletDetails) known).links : known;
  }

  private void setLinks(Object links) {
    Object known = linksOrDetails;
    if (known instanceof GreenletDetails) {
      ((GreenletDetails) known).links = links;
    } else {
      linksOrDetails = links;
    }
  }

  /** Schedules the greenlet to start once {@code delayMillis} have passed. Returns this. */
  public Greenlet<T> startLater(long delayMillis) {
    hub.assertInHubThread("Greenlet.startLater(long)");
    if (state == NEW) {
      state = SCHEDULED;
      enlist();
      hub.wakeAfter(TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMillis)), this);
    }
    return this;
  }

  /**
   * Waits until the greenlet is dead. Returns normally even if it failed. A joiner is a link, as in
   * gevent: joiners and {@link #link} callbacks are notified in registration order, and a joining
   * greenlet runs as soon as its turn in that order comes.
   */
  @Yielding
  public void join() {
    if (state == DEAD) {
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    waiter.awaited = this;
    Consumer<Greenlet<T>> link = g -> waiter.resumeBySwitch(null);
    addLink(link);
    waiter.onCancel(() -> unlink(link));
    waiter.await();
  }

  /** Waits at most {@code timeoutMillis} for the greenlet to die; returns whether it is dead. */
  @Yielding
  public boolean join(long timeoutMillis) {
    if (state == DEAD) {
      return true;
    }
    Waiter<Boolean> waiter = new Waiter<>();
    waiter.awaited = this;
    Consumer<Greenlet<T>> link = g -> waiter.resumeBySwitch(Boolean.TRUE);
    addLink(link);
    waiter.onCancel(() -> unlink(link));
    waiter.expireAfter(timeoutMillis, Boolean.FALSE);
    return waiter.awaitBoolean();
  }

  /**
   * Waits until the greenlet is dead, then returns its value or throws its exception: itself if
   * unchecked, otherwise as the cause of a {@link GreenletFailedException}.
   */
  @Yielding
  public T get() {
    if (state == DEAD) {
      return valueOrThrow();
    }
    return resultWaiter(null).await();
  }

  /**
   * A waiter that receives this greenlet's value or exception (as {@link #get()} throws it) when
   * it dies; abandoning it unlinks it, then runs {@code alsoOnCancel} if given.
   */
  Waiter<T> resultWaiter(Runnable alsoOnCancel) {
    Waiter<T> waiter = new Waiter<>();
    waiter.awaited = this;
    Consumer<Greenlet<T>> link = g -> {
      if (g.failed) {
        waiter.failBySwitch(thrownByGet((Throwable) g.result));
      } else {
        waiter.resumeBySwitch(g.value());
      }
    };
    addLink(link);
    waiter.onCancel(() -> {
      unlink(link);
      if (alsoOnCancel != null) {
        alsoOnCancel.run();
      }
    });
    return waiter;
  }

  /**
   * {@link #get()} waiting at most {@code timeoutMillis}; then throws a {@link Timeout} (the
   * greenlet keeps running).
   */
  @Yielding
  public T get(long timeoutMillis) {
    if (state == DEAD) {
      return valueOrThrow();
    }
    Waiter<T> waiter = resultWaiter(null);
    waiter.failAfter(timeoutMillis, new Timeout(timeoutMillis));
    return waiter.await();
  }

  private T valueOrThrow() {
    if (failed) {
      throw Sneaky.<RuntimeException>rethrow(thrownByGet((Throwable) result));
    }
    return value();
  }

  /** What {@link #get()} throws for this greenlet's exception. */
  Throwable failureAsThrownByGet() {
    return thrownByGet(exception());
  }

  /** Kills the greenlet and waits at most {@code timeoutMillis}; returns whether it is dead. */
  @Yielding
  public boolean kill(long timeoutMillis) {
    killAsync();
    return join(timeoutMillis);
  }

  /** What {@link #get()} throws for {@code failure}: unchecked ones as they are, checked ones wrapped. */
  private Throwable thrownByGet(Throwable failure) {
    if (failure instanceof RuntimeException || failure instanceof Error) {
      return failure;
    }
    return new GreenletFailedException(this, failure);
  }

  /**
   * Kills the greenlet and waits until it is dead. A greenlet that never started never runs; a
   * suspended one gets a {@link GreenletExit} at its suspension point, so its {@code finally}
   * blocks run. Never throws; killing a dead greenlet does nothing.
   */
  @Yielding
  public void kill() {
    killAsync();
    join();
  }

  /** Requests the kill without waiting for it (gevent's {@code block=False}). */
  public void killAsync() {
    killAsync(new GreenletExit());
  }

  /**
   * {@link #kill()} raising {@code exception} instead of a {@link GreenletExit} (gevent's
   * {@code g.kill(ValueError(...))}): unless the greenlet catches it, it dies with it as its
   * {@link #exception()}, a failure reported like any other. A greenlet that never started dies
   * with it at once, without running. Never throws.
   */
  @Yielding
  public void kill(Throwable exception) {
    killAsync(exception);
    join();
  }

  /** {@link #kill(Throwable)} without waiting for it. */
  public void killAsync(Throwable exception) {
    hub.assertInHubThread("Greenlet.killAsync");
    Objects.requireNonNull(exception, "exception");
    switch (state) {
      case NEW:
      case SCHEDULED:
        cancelStart();
        finish(null, exception);
        break;
      case SUSPENDED:
        throwInto(exception);
        break;
      case RUNNING:
        if (hub.running == this) {
          throw Sneaky.<RuntimeException>rethrow(exception);
        }
        break;
      default:
        break;
    }
  }

  /**
   * Raises {@code failure} at the suspension point of this greenlet if it is suspended (kill,
   * {@link Timeout}): the wait it is parked on is cancelled, its registrations undone. Returns
   * whether the greenlet was suspended.
   */
  boolean throwInto(Throwable failure) {
    if (state != SUSPENDED) {
      return false;
    }
    hub.cancelWake(this);
    Object wait = waitingOn;
    if (wait != null) {
      waitingOn = null;
      if (wait instanceof Waiter) {
        ((Waiter<?>) wait).cancel();
      } else {
        ((WaitList<?>) wait).remove(this);
      }
    }
    wake(null, failure);
    return true;
  }

  /** Undoes {@link #start()} or {@link #startLater} of a greenlet that has not run yet. */
  private void cancelStart() {
    hub.cancelWake(this);
    if (queued) {
      queued = false;
      hub.dequeue(this);
    }
  }

  /** Whether the greenlet has finished (successfully, with an exception, or killed). */
  public boolean isDead() {
    return state == DEAD;
  }

  /** Whether the greenlet has finished; as {@link #isDead()}, gevent's {@code ready()}. */
  public boolean isReady() {
    return state == DEAD;
  }

  /** Whether the greenlet finished without an exception (being killed counts as success). */
  public boolean isSuccessful() {
    return state == DEAD && !failed;
  }

  /** Whether {@link #start()} was called and the greenlet has not finished yet. */
  public boolean isStarted() {
    return state != NEW && state != DEAD;
  }

  /** The result, or null while running, after a failure or after a kill. */
  @SuppressWarnings("unchecked")
  public T value() {
    return state == DEAD && !failed ? (T) result : null;
  }

  /** The exception the greenlet failed with, or null. */
  public Throwable exception() {
    return failed ? (Throwable) result : null;
  }

  /**
   * Calls {@code callback} in a hub callback once the greenlet is dead (at once, in a later turn,
   * if it already is). Callbacks run in registration order and must not block.
   */
  public void link(Consumer<? super Greenlet<T>> callback) {
    hub.assertInHubThread("Greenlet.link(Consumer)");
    addLink(Objects.requireNonNull(callback, "callback"));
  }

  /**
   * {@link #link}, but {@code callback} runs only if the greenlet finished without an exception
   * (being killed counts; gevent's {@code link_value}).
   */
  public void linkValue(Consumer<? super Greenlet<T>> callback) {
    hub.assertInHubThread("Greenlet.linkValue(Consumer)");
    addLink(Links.filtered(Objects.requireNonNull(callback, "callback"), true));
  }

  /** {@link #link}, but {@code callback} runs only if the greenlet failed (gevent's {@code link_exception}). */
  public void linkException(Consumer<? super Greenlet<T>> callback) {
    hub.assertInHubThread("Greenlet.linkException(Consumer)");
    addLink(Links.filtered(Objects.requireNonNull(callback, "callback"), false));
  }

  /** Removes the first registration of a callback added with {@link #link}, {@link #linkValue} or {@link #linkException}. */
  public void unlink(Consumer<? super Greenlet<T>> callback) {
    hub.assertInHubThread("Greenlet.unlink(Consumer)");
    setLinks(Links.remove(links(), callback));
  }

  private void addLink(Consumer<? super Greenlet<T>> callback) {
    setLinks(Links.add(links(), callback));
    if (state == DEAD) {
      scheduleNotify();
    }
  }

  /** Queues the greenlet itself: stepping a dead greenlet runs its links (no allocation). */
  private void scheduleNotify() {
    if (!queued) {
      schedule();
    }
  }

  /**
   * Runs the links in registration order, those added meanwhile included. A link that resumes plain
   * code (a join from plain code) lets it run first, as gevent switches to it: the rest of the links
   * run first thing when it next waits. Called with {@link #queued} still set, so that links added
   * meanwhile do not queue the greenlet again.
   */
  private void notifyLinks() {
    while (links() != null) {
      notifyLink(takeFirstLink());
      if (links() != null && hub.main.resumed()) {
        hub.enqueueFirst(this);
        return;
      }
    }
    queued = false;
  }

  @SuppressWarnings("unchecked")
  private Consumer<? super Greenlet<T>> takeFirstLink() {
    Object links = links();
    Object first = Links.first(links);
    setLinks(Links.withoutFirst(links));
    return (Consumer<? super Greenlet<T>>) first;
  }

  private void notifyLink(Consumer<? super Greenlet<T>> link) {
    try {
      link.accept(this);
    } catch (Throwable failure) {
      hub.failures.linkFailed(link, this, failure);
    }
  }

  /** The class loader of the greenlet's generated code, to find the user's classes by name. */
  ClassLoader loaderOfCode() {
    CoroutineFrame<?> frame = top;
    return frame == null ? null : frame.getClass().getClassLoader();
  }

  @Override
  void runReady(Hub hub) {
    step();
  }

  /** Runs the frame stack until the greenlet suspends or dies. Called by the hub. */
  void step() {
    if (state == DEAD) {
      notifyLinks();
      return;
    }
    queued = false;
    Hub h = hub;
    h.running = this;
    state = RUNNING;
    parked = false;
    try {
      // a finished frame is popped (top becomes its caller); an unfinished one left its callee on top
      for (CoroutineFrame<?> frame = top; state != DEAD; frame = top) {
        if (runFrame(frame) && parked) {
          state = SUSPENDED;
          return;
        }
      }
    } finally {
      h.running = null;
    }
  }

  /**
   * Runs {@code callee}, just pushed by its caller, inside the caller's step, as long as calls
   * nest at most {@link #MAX_INLINE_CALLS} deep on the Java stack; returns whether it has not
   * finished (it suspended, or it is left for {@link #step()} to run). A callee that finishes is
   * popped and its outcome delivered to the caller, as {@link #step()} does.
   */
  boolean runCallee(CoroutineFrame<?> callee) {
    Hub h = hub;
    if (h.inlineCalls >= MAX_INLINE_CALLS) {
      return true;
    }
    h.inlineCalls++;
    try {
      return runFrame(callee);
    } finally {
      h.inlineCalls--;
    }
  }

  /**
   * Runs {@code frame} until it returns; returns whether it is unfinished (it suspended, or made a
   * call that has not finished). A frame that finished, with a value or an exception, is popped
   * and its outcome delivered to its caller.
   */
  private boolean runFrame(CoroutineFrame<?> frame) {
    Object outcome;
    try {
      outcome = frame.resume$();
    } catch (Throwable failure) {
      clearCooperative(); // a @Yielding call that threw before parking leaves no mark
      StackTraceRecovery.recover(failure, frame);
      unwind(frame, null, failure);
      return false;
    }
    if (outcome == CoroutineFrame.SUSPEND || outcome == CoroutineFrame.CALL) {
      return true;
    }
    unwind(frame, outcome, null);
    return false;
  }

  /** Pops a finished frame and delivers its outcome to the caller (or finishes the greenlet). */
  @SuppressWarnings("unchecked")
  private void unwind(CoroutineFrame<?> done, Object result, Throwable failure) {
    CoroutineFrame<?> caller = done.caller;
    done.caller = null;
    done.clear$();
    if (caller == null) {
      finish((T) result, failure); // top stays the root frame
    } else {
      top = caller;
      deliver(result, failure);
    }
  }

  private void deliver(Object result, Throwable failure) {
    deliveredFails = failure != null;
    this.result = deliveredFails ? failure : result;
    resumed = true;
  }

  /** Marks the next {@code @Yielding} call as made by this greenlet's generated code ({@link CoroutineFrame}). */
  void markCooperative() {
    cooperative = true;
  }

  /** Clears the mark of {@link #markCooperative}: the call returned, threw, or took the mark. */
  void clearCooperative() {
    cooperative = false;
  }

  /** Whether a {@code @Yielding} call now is made by this greenlet's generated code, while it runs. */
  boolean isCooperative() {
    return cooperative && hub.running == this;
  }

  /** {@link #isCooperative}, taking the mark when it is: the primitive suspends this greenlet. */
  boolean claimCooperative() {
    if (!isCooperative()) {
      return false;
    }
    cooperative = false;
    return true;
  }

  /** Whether a {@code @Yielding} primitive parked this greenlet in the current step. */
  boolean isParked() {
    return parked;
  }

  /** Parks this greenlet on {@code wait}: a {@link Waiter}, or a {@link WaitList} it is an entry of. */
  void parkOn(Object wait) {
    parked = true;
    waitingOn = wait;
  }

  /** Stops waiting on {@code wait} if this greenlet waits on it; returns whether it did. */
  boolean stopWaitingOn(Object wait) {
    if (waitingOn != wait) {
      return false;
    }
    waitingOn = null;
    return true;
  }

  /** Delivers a result to the parked greenlet and makes it ready. */
  void wake(Object result, Throwable failure) {
    wake(result, failure, false);
  }

  /**
   * {@link #wake(Object, Throwable)}; {@code bySwitch} from a hub callback runs the greenlet at once
   * instead of queueing it (see {@link Waiter#resumeBySwitch}).
   */
  void wake(Object result, Throwable failure, boolean bySwitch) {
    deliver(result, failure);
    parked = false;
    if (!queued) {
      if (bySwitch && hub.inCallback()) {
        queued = true; // until it runs: MainWait.switchTo may defer it behind plain code
        hub.main.switchTo(this);
      } else {
        schedule();
      }
    }
  }

  private void schedule() {
    queued = true;
    hub.enqueue(this);
  }

  /** Parks the greenlet for {@code nanos} (a cooperative {@code sleep}): it is its own timer. */
  void sleepFor(long nanos) {
    parked = true;
    hub.wakeAfter(nanos, this);
  }

  /** Called by the hub when this greenlet's timer fires: the delay of {@link #startLater} or of a sleep is over. */
  void timerElapsed() {
    if (state == SCHEDULED) {
      schedule();
    } else {
      wake(null, null);
    }
  }

  @Override
  protected long timerPlace() {
    return timerPlace;
  }

  @Override
  protected void timerPlace(long place) {
    timerPlace = place;
  }

  /** Parks the greenlet until its hub's next turn (a cooperative {@code sleep(0)}). */
  void yieldTurn() {
    parked = true;
    schedule();
  }

  Object takeResult() throws Throwable {
    resumed = false;
    Object result = this.result;
    this.result = null;
    if (deliveredFails) {
      deliveredFails = false;
      throw (Throwable) result;
    }
    return result;
  }

  private void finish(T result, Throwable failure) {
    if (state != NEW) {
      delist();
    }
    state = DEAD;
    if (failure instanceof GreenletExit) {
      failure = null;
    }
    failed = failure != null;
    this.result = failed ? failure : result;
    if (failure != null) {
      hub.failures.greenletFailed(this, failure);
    }
    if (links() != null) {
      scheduleNotify();
    }
  }

  /** The frame of the greenlet's own method: the outermost of its stack. */
  private CoroutineFrame<?> rootFrame() {
    CoroutineFrame<?> frame = top;
    while (frame.caller != null) {
      frame = frame.caller;
    }
    return frame;
  }

  /** Like gevent's: {@code <Greenlet at 0x1b6d3586: f(5)>}, formatted once. */
  @Override
  public String toString() {
    GreenletDetails known = details();
    if (known.repr == null) {
      CoroutineFrame<?> root = rootFrame();
      known.repr = "<Greenlet at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": "
          + Reprs.call(root.name$(), root.arguments$()) + ">";
    }
    return known.repr;
  }
}
