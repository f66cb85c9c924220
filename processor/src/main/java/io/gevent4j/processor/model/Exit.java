package io.gevent4j.processor.model;

/**
 * Where control goes when it leaves a point of the body, as lowering decided it: straight to a
 * state, out of the coroutine (a return, a rethrow), or into the finally block of the innermost
 * try statement crossed on the way, with the completion that block carries on with afterwards.
 * Emission renders it; it decides nothing.
 */
public final class Exit {
  /** The kinds of exit. */
  public enum Kind {
    /** Continue at {@link #target()}. */
    GO_TO,
    /** Return the value (null for void) from the coroutine. */
    RETURN,
    /** Rethrow the exception the dispatch loop caught. */
    RETHROW,
    /** Record {@link #completion()} (and the value, or {@link #target()} as the jump) in {@link #region()}, then run its finally block. */
    THROUGH_FINALLY
  }

  private final Kind kind;
  private final Label target;
  private final TryRegion region;
  private final int completion;

  private Exit(Kind kind, Label target, TryRegion region, int completion) {
    this.kind = kind;
    this.target = target;
    this.region = region;
    this.completion = completion;
  }

  public static Exit goTo(Label target) {
    return new Exit(Kind.GO_TO, target, null, TryRegion.NORMAL);
  }

  public static Exit ret() {
    return new Exit(Kind.RETURN, null, null, TryRegion.NORMAL);
  }

  public static Exit rethrow() {
    return new Exit(Kind.RETHROW, null, null, TryRegion.NORMAL);
  }

  /**
   * Into {@code region}'s finally block with {@code completion} ({@link TryRegion#THROW},
   * {@link TryRegion#RETURN}: the value is the pending one; {@link TryRegion#JUMP}: to
   * {@code jump} afterwards).
   */
  public static Exit throughFinally(TryRegion region, int completion, Label jump) {
    return new Exit(Kind.THROUGH_FINALLY, jump, region, completion);
  }

  public Kind kind() {
    return kind;
  }

  /** The state to go to ({@link Kind#GO_TO}), or to jump to after the finally block (a pending jump); else null. */
  public Label target() {
    return target;
  }

  /** The try statement whose finally block runs next ({@link Kind#THROUGH_FINALLY}). */
  public TryRegion region() {
    return region;
  }

  /** The completion the finally block carries on with ({@link Kind#THROUGH_FINALLY}). */
  public int completion() {
    return completion;
  }

  /** Whether the exit carries a value: a return's, or the pending exception or value of a finally block. */
  public boolean carriesValue() {
    return kind == Kind.RETURN || kind == Kind.THROUGH_FINALLY && completion != TryRegion.JUMP;
  }
}
