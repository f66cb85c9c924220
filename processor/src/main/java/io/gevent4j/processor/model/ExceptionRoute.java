package io.gevent4j.processor.model;

import java.util.Collections;
import java.util.List;

/**
 * What the dispatch loop does with an exception caught in the states of one part of the lowered
 * try statements: try each catch block in order, innermost try statement first (recording the
 * primary exception of a try-with-resources on the way), then leave by {@link #last()}.
 */
public final class ExceptionRoute {
  /** The handlers of one try statement whose try part is crossed, and its primary exception slot. */
  public static final class Step {
    private final List<TryRegion.Handler> handlers;
    private final Slot primary;

    public Step(List<TryRegion.Handler> handlers, Slot primary) {
      this.handlers = Collections.unmodifiableList(handlers);
      this.primary = primary;
    }

    public List<TryRegion.Handler> handlers() {
      return handlers;
    }

    /** The try-with-resources slot that records the primary exception, or null. */
    public Slot primary() {
      return primary;
    }
  }

  private final List<Step> steps;
  private final Exit last;

  public ExceptionRoute(List<Step> steps, Exit last) {
    this.steps = Collections.unmodifiableList(steps);
    this.last = last;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Into the innermost finally block with a pending THROW, or a rethrow. */
  public Exit last() {
    return last;
  }
}
