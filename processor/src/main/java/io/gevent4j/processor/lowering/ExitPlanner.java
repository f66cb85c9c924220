package io.gevent4j.processor.lowering;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import io.gevent4j.processor.model.ExceptionRoute;
import io.gevent4j.processor.model.Exit;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.TryRegion;
import io.gevent4j.processor.model.TryRegion.RegionPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides every way out of a position inside lowered try statements: an exception to the right
 * catch or finally, a {@code return} through each enclosing finally block, a {@code break} or
 * {@code continue} through the finally blocks it crosses, innermost first. A jump that crosses
 * several finally blocks goes through trampoline states, each setting up the next block.
 */
final class ExitPlanner {
  private final SourcePositions positions;
  private final CompilationUnitTree unit;
  private final List<Instruction> trampolines = new ArrayList<>();

  ExitPlanner(SourcePositions positions, CompilationUnitTree unit) {
    this.positions = positions;
    this.unit = unit;
  }

  /** A return from {@code from}: through the innermost enclosing finally block, if any. */
  Exit ret(RegionPart from) {
    TryRegion region = innermostFinally(from, null);
    return region == null ? Exit.ret() : Exit.throughFinally(region, TryRegion.RETURN, null);
  }

  /**
   * A jump from {@code from} to {@code target}, the label of statement {@code targetStatement}
   * (a break or continue), through the finally blocks of the try statements inside it.
   */
  Exit jump(RegionPart from, Tree targetStatement, Label target) {
    List<TryRegion> crossed = new ArrayList<>();
    for (TryRegion region = innermostFinally(from, targetStatement); region != null;
        region = innermostFinally(region.enclosing(), targetStatement)) {
      crossed.add(region);
    }
    if (crossed.isEmpty()) {
      return Exit.goTo(target);
    }
    Label next = target;
    for (int i = crossed.size() - 1; i >= 1; i--) {
      Label trampoline = new Label("on to the finally block of an outer try");
      trampolines.add(new Instruction.Mark(null, trampoline));
      trampolines.add(new Instruction.Jump(null, Exit.throughFinally(crossed.get(i), TryRegion.JUMP, next)));
      next = trampoline;
    }
    return Exit.throughFinally(crossed.get(0), TryRegion.JUMP, next);
  }

  /** What happens to an exception thrown in {@code from}. */
  ExceptionRoute exception(RegionPart from) {
    List<ExceptionRoute.Step> steps = new ArrayList<>();
    for (RegionPart at = from; at != null; at = at.region().enclosing()) {
      TryRegion region = at.region();
      if (at.part() == RegionPart.Part.TRY) {
        steps.add(new ExceptionRoute.Step(region.handlers(), region.primary()));
      }
      if (region.hasFinally()) {
        return new ExceptionRoute(steps, Exit.throughFinally(region, TryRegion.THROW, null));
      }
    }
    return new ExceptionRoute(steps, Exit.rethrow());
  }

  /** The trampoline states made so far (a {@link Instruction.Mark} and a {@link Instruction.Jump} each). */
  List<Instruction> trampolines() {
    return trampolines;
  }

  /**
   * The innermost try statement with a finally block around {@code from} (whose try or catch part
   * holds it), and inside {@code limit} when given.
   */
  private TryRegion innermostFinally(RegionPart from, Tree limit) {
    for (RegionPart at = from; at != null; at = at.region().enclosing()) {
      if (limit != null && !isInside(at.region().statement(), limit)) {
        return null;
      }
      if (at.region().hasFinally()) {
        return at.region();
      }
    }
    return null;
  }

  private boolean isInside(Tree inner, Tree outer) {
    return positions.getStartPosition(unit, outer) <= positions.getStartPosition(unit, inner)
        && positions.getEndPosition(unit, inner) <= positions.getEndPosition(unit, outer);
  }
}
