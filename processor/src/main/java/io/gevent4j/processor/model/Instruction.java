package io.gevent4j.processor.model;

import com.sun.source.util.TreePath;
import javax.lang.model.type.TypeMirror;

/**
 * One step of a lowered coroutine body. Lowering turns structured control flow into a flat list
 * of instructions; emission turns each {@link Mark} into a {@code case} of the state machine.
 */
public abstract class Instruction {
  private final TreePath origin;
  private TryRegion.RegionPart region;
  private java.util.List<Slot> captured = java.util.Collections.emptyList();

  Instruction(TreePath origin) {
    this.origin = origin;
  }

  /** The lowered try statement part the instruction runs in, or null outside any. */
  public TryRegion.RegionPart region() {
    return region;
  }

  /** Set once, by lowering, when the instruction is added. */
  public void setRegion(TryRegion.RegionPart region) {
    this.region = region;
  }

  /**
   * The lifted locals that lambdas and classes created by this instruction capture: it runs with
   * final copies of them, so each loop iteration's closure keeps its own values.
   */
  public java.util.List<Slot> captured() {
    return captured;
  }

  /** Set once, by lowering. */
  public void setCaptured(java.util.List<Slot> slots) {
    this.captured = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(slots));
  }

  /** Whether control never continues to the next instruction (only a {@link Mark} is entered again). */
  public boolean isTerminal() {
    return false;
  }

  /** The source statement this instruction comes from, for comments; may be null. */
  public TreePath origin() {
    return origin;
  }

  /** Calls the visitor method for this instruction's kind. */
  public abstract void accept(Visitor visitor);

  /** One method per kind of instruction. */
  public interface Visitor {
    void visitMark(Mark mark);

    void visitJump(Jump jump);

    void visitBranch(Branch branch);

    void visitRun(Run run);

    void visitVerbatim(Verbatim verbatim);

    void visitSuspend(Suspend suspend);

    void visitReturn(Return ret);

    void visitThrow(Throw thrown);

    void visitEndFinally(EndFinally end);

    void visitSwitch(Switch dispatch);
  }

  /** Starts a new state: the label's {@code case}. */
  public static final class Mark extends Instruction {
    private final Label label;

    public Mark(TreePath origin, Label label) {
      super(origin);
      this.label = label;
    }

    public Label label() {
      return label;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitMark(this);
    }
  }

  /** Leaves by an exit that carries no value: to a label, or on to a finally block (a trampoline). */
  public static final class Jump extends Instruction {
    private final Exit exit;

    public Jump(TreePath origin, Exit exit) {
      super(origin);
      this.exit = exit;
    }

    /** Continues at {@code target}. */
    public Jump(TreePath origin, Label target) {
      this(origin, Exit.goTo(target));
    }

    public Exit exit() {
      return exit;
    }

    @Override
    public boolean isTerminal() {
      return true;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitJump(this);
    }
  }

  /** Continues at {@code ifFalse} when the condition is false. */
  public static final class Branch extends Instruction {
    private final Code condition;
    private final Label ifFalse;

    public Branch(TreePath origin, Code condition, Label ifFalse) {
      super(origin);
      this.condition = condition;
      this.ifFalse = ifFalse;
    }

    public Code condition() {
      return condition;
    }

    public Label ifFalse() {
      return ifFalse;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitBranch(this);
    }
  }

  /** A statement built by lowering, such as the assignment of a lifted local. */
  public static final class Run extends Instruction {
    private final Code statement;

    public Run(TreePath origin, Code statement) {
      super(origin);
      this.statement = statement;
    }

    public Code statement() {
      return statement;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitRun(this);
    }
  }

  /** A source statement with no suspension point, printed as it is (with lifted names). */
  public static final class Verbatim extends Instruction {
    private final boolean completesNormally;

    /** {@code completesNormally}: whether the statement can complete normally (JLS 14.22). */
    public Verbatim(TreePath statement, boolean completesNormally) {
      super(statement);
      this.completesNormally = completesNormally;
    }

    public TreePath statement() {
      return origin();
    }

    @Override
    public boolean isTerminal() {
      return !completesNormally;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitVerbatim(this);
    }
  }

  /**
   * A suspension point: the call, then a new state where the greenlet resumes; the result, if
   * used, is stored into {@code target}, of type {@code resultType}. The receiver and arguments
   * are code already lowered: spilled temporaries, or source expressions evaluated in place.
   */
  public static final class Suspend extends Instruction {
    private final SuspensionPoint point;
    private final Code receiver;
    private final java.util.List<Code> arguments;
    private final Code target;
    private final TypeMirror resultType;
    private final Label resume;

    public Suspend(TreePath origin, SuspensionPoint point, Code receiver, java.util.List<Code> arguments,
        Code target, TypeMirror resultType, Label resume) {
      super(origin);
      this.point = point;
      this.receiver = receiver;
      this.arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
      this.target = target;
      this.resultType = resultType;
      this.resume = resume;
    }

    public SuspensionPoint point() {
      return point;
    }

    /** The receiver of an instance call written with one ({@code q.get()}), or null. */
    public Code receiver() {
      return receiver;
    }

    public java.util.List<Code> arguments() {
      return arguments;
    }

    /** Where the result goes, or null to discard it. */
    public Code target() {
      return target;
    }

    public TypeMirror resultType() {
      return resultType;
    }

    /** The state in which the greenlet resumes. */
    public Label resume() {
      return resume;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitSuspend(this);
    }
  }

  /** Completes the coroutine with a value (null {@code value} for void), by {@link #exit()}. */
  public static final class Return extends Instruction {
    private final Code value;
    private final Exit exit;

    public Return(TreePath origin, Code value, Exit exit) {
      super(origin);
      this.value = value;
      this.exit = exit;
    }

    public Code value() {
      return value;
    }

    /** A return, or the way into the finally blocks it runs first. */
    public Exit exit() {
      return exit;
    }

    @Override
    public boolean isTerminal() {
      return true;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitReturn(this);
    }
  }

  /** Throws an exception (a {@code throw} whose operand contained a suspension point). */
  public static final class Throw extends Instruction {
    private final Code exception;

    public Throw(TreePath origin, Code exception) {
      super(origin);
      this.exception = exception;
    }

    public Code exception() {
      return exception;
    }

    @Override
    public boolean isTerminal() {
      return true;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitThrow(this);
    }
  }

  /** Ends a finally block: continues with the pending completion (rethrow, return, jump). */
  public static final class EndFinally extends Instruction {
    private final TryRegion tryRegion;
    private final Exit pendingReturn;

    public EndFinally(TreePath origin, TryRegion tryRegion, Exit pendingReturn) {
      super(origin);
      this.tryRegion = tryRegion;
      this.pendingReturn = pendingReturn;
    }

    public TryRegion tryRegion() {
      return tryRegion;
    }

    /** How a pending return leaves: returns, or enters the next enclosing finally block. */
    public Exit pendingReturn() {
      return pendingReturn;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitEndFinally(this);
    }
  }

  /** Jumps to the label of the matching {@code case} (a switch whose cases suspend). */
  public static final class Switch extends Instruction {
    private final Code selector;
    private final java.util.List<TreePath> constants;
    private final java.util.List<Label> targets;
    private final Label otherwise;
    private final Labels labels;

    /** How the case constants are written. */
    public enum Labels {
      /** As the user wrote them. */
      AS_WRITTEN,
      /** Enum constants by simple name ({@code case RED:}, for Java 21's {@code case Color.RED:} too). */
      ENUM_NAMES,
      /** Enum constants by ordinal: the selector is a private enum's ordinal. */
      ENUM_ORDINALS
    }

    public Switch(TreePath origin, Code selector, java.util.List<TreePath> constants, java.util.List<Label> targets,
        Label otherwise, Labels labels) {
      super(origin);
      this.selector = selector;
      this.constants = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(constants));
      this.targets = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(targets));
      this.otherwise = otherwise;
      this.labels = labels;
    }

    public Code selector() {
      return selector;
    }

    /** The case constants, in order; {@link #targets()} has the matching labels. */
    public java.util.List<TreePath> constants() {
      return constants;
    }

    public java.util.List<Label> targets() {
      return targets;
    }

    /** The default label, or the end of the switch. */
    public Label otherwise() {
      return otherwise;
    }

    public Labels labels() {
      return labels;
    }

    @Override
    public boolean isTerminal() {
      return true;
    }

    @Override
    public void accept(Visitor visitor) {
      visitor.visitSwitch(this);
    }
  }
}
