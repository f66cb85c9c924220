package io.gevent4j.monkey;

import io.gevent4j.annotations.Yielding;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The cooperative {@link BlockingQueue#take()}, {@link BlockingQueue#put put},
 * {@link BlockingQueue#poll(long, TimeUnit) poll(timeout, unit)} and
 * {@link BlockingQueue#offer(Object, long, TimeUnit) offer(e, timeout, unit)}: with monkey
 * patching on, the processor rewrites those calls inside {@code @Coroutine} bodies, on any
 * {@code BlockingQueue} ({@code LinkedBlockingQueue}, {@code ArrayBlockingQueue},
 * {@code SynchronousQueue}, a {@code BlockingDeque}...), into the methods of the same name here.
 *
 * <p>What can be done at once is done at once; otherwise the original runs on a thread of the
 * patching's pool, only the calling greenlet is suspended and the hub stays alive meanwhile. An
 * element taken for a greenlet killed while it waits goes back into the queue (at its head for a
 * {@link BlockingDeque}, at its tail otherwise); an element put for it stays put, as if the
 * greenlet had been killed just after the call returned. As the JDK's queues do, each method
 * first throws {@link InterruptedException} if the calling thread is interrupted.
 */
public final class PatchedBlockingQueue {
  private PatchedBlockingQueue() {}

  /** {@code queue.take()}, suspending only the calling greenlet until an element is there. */
  @Yielding
  public static <E> E take(BlockingQueue<E> queue) throws InterruptedException {
    Blocking.checkInterrupt();
    E head = queue.poll();
    if (head != null) {
      return head;
    }
    return Blocking.onPoolThread(queue::take, taken -> giveBack(queue, taken));
  }

  /** {@code queue.put(element)}, suspending only the calling greenlet until there is room. */
  @Yielding
  public static <E> void put(BlockingQueue<E> queue, E element) throws InterruptedException {
    Blocking.checkInterrupt();
    if (queue.offer(element)) {
      return;
    }
    Blocking.onPoolThread(() -> {
      queue.put(element);
      return null;
    });
  }

  /**
   * {@code queue.poll(timeout, unit)}: the head, or null if none came within the timeout (at once
   * for a timeout of zero or less).
   */
  @Yielding
  public static <E> E poll(BlockingQueue<E> queue, long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    Blocking.checkInterrupt();
    E head = queue.poll();
    if (head != null || nanos <= 0) {
      return head;
    }
    return Blocking.onPoolThread(() -> queue.poll(nanos, TimeUnit.NANOSECONDS), taken -> {
      if (taken != null) {
        giveBack(queue, taken);
      }
    });
  }

  /**
   * {@code queue.offer(element, timeout, unit)}: true when the element was added, false when no
   * room came within the timeout (at once for a timeout of zero or less).
   */
  @Yielding
  public static <E> boolean offer(BlockingQueue<E> queue, E element, long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    Blocking.checkInterrupt();
    if (queue.offer(element)) {
      return true;
    }
    if (nanos <= 0) {
      return false;
    }
    return Blocking.onPoolThreadBoolean(() -> queue.offer(element, nanos, TimeUnit.NANOSECONDS));
  }

  /** Puts back an element taken for a greenlet that no longer wants it. */
  private static <E> void giveBack(BlockingQueue<E> queue, E element) {
    boolean back = queue instanceof BlockingDeque ? ((BlockingDeque<E>) queue).offerFirst(element) : queue.offer(element);
    if (!back) {
      Blocking.inBackground(() -> { // full again meanwhile: wait for room, off the hub
        try {
          queue.put(element);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }
}
