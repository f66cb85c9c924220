package io.gevent4j.processor.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The contract between generated state machines and the runtime's {@code io.gevent4j.CoroutineFrame},
 * named once: the members generated code uses or overrides, and the names generated code declares
 * itself. {@code FrameContractTest} checks the frame's members against this class by reflection.
 */
public final class FrameContract {
  /** The runtime base class of every state machine. */
  public static final String FRAME_CLASS = "io.gevent4j.CoroutineFrame";

  // Fields of CoroutineFrame.
  /** The state to run next. */
  public static final String STATE = "state$";
  /** Returned by {@link #RESUME} when the greenlet parked. */
  public static final String SUSPEND = "SUSPEND";
  /** Returned by {@link #RESUME} when it pushed a callee frame. */
  public static final String CALL = "CALL";

  // Methods of CoroutineFrame that generated code overrides.
  public static final String RESUME = "resume$";
  /** Not generated: the runtime reads the name off {@link #LOCATION}. */
  public static final String NAME = "name$";
  public static final String ARGUMENTS = "arguments$";
  public static final String LOCATION = "location$";
  /** Nulls the reference locals of a finished frame. */
  public static final String CLEAR = "clear$";

  // Methods of CoroutineFrame that generated code calls.
  /** Marks the next {@code @Yielding} call as made by generated code. */
  public static final String PREPARE = "prepare$";
  /** Records the resume state; whether the greenlet parked. */
  public static final String PARKED = "parked$";
  /** Records that the dispatch loop caught an exception (the greenlet is running again). */
  public static final String CAUGHT = "caught$";
  /** Pushes a callee frame. */
  public static final String CALL_FRAME = "call$";
  /** Whether this state is entered by a resumption (a delivered result) rather than falling in. */
  public static final String RESUMED = "resumed$";
  /** The delivered result, or its exception thrown at the call site. */
  public static final String RESULT = "result$";
  /** The exception for a state the machine does not have, thrown by its {@code default} arm. */
  public static final String INVALID_STATE = "invalidState$";

  // Names that generated code declares.
  /** The field holding the receiver of an instance coroutine. */
  public static final String SELF = "self$";
  /** The label of the dispatch loop. */
  public static final String DISPATCH = "dispatch$";
  /** The exception caught by the dispatch loop. */
  public static final String THROWN = "t$";
  /** The value a {@code @Yielding} call returned before it is known not to have parked. */
  public static final String VALUE = "value$";
  /**
   * Whether assertions are enabled for the user's top-level class, read once when the machine is
   * initialized, as javac's {@code $assertionsDisabled} is.
   */
  public static final String ASSERTIONS = "assertions$";
  /** Suffix of the frame factory next to each public greenlet factory: {@code fetch$frame}. */
  public static final String FRAME_FACTORY_SUFFIX = "$frame";
  /**
   * The class nested in {@code FooCoroutines_Machines} whose {@code String[] MAP} maps the file's
   * lines back to source lines: the processor's half of stack-trace recovery (the runtime's
   * {@code internal.SourceLines} reads it by these names).
   */
  public static final String LINES_CLASS = "Lines$";
  public static final String LINES_FIELD = "MAP";
  /**
   * Suffix of the non-virtual frame factory of an instance coroutine, {@code fetch$special}: what
   * {@code super.fetch()} calls, and what {@link #DISPATCH_CLASS} finds by this name.
   */
  public static final String SPECIAL_FACTORY_SUFFIX = "$special";
  /** The runtime's virtual dispatch of overridable coroutines (its own constant names the suffix above). */
  public static final String DISPATCH_CLASS = "io.gevent4j.CoroutineDispatch";

  /** Variable names a lifted local or a temporary must never take: they would hide these. */
  public static final Set<String> RESERVED_VARIABLES = Collections.unmodifiableSet(new LinkedHashSet<>(
      Arrays.asList(STATE, SUSPEND, CALL, SELF, THROWN, VALUE, ASSERTIONS)));

  private FrameContract() {}
}
