package io.gevent4j.processor.emission;

import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import io.gevent4j.processor.model.FrameContract;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.TryRegion;
import io.gevent4j.processor.model.TryRegion.RegionPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes every way out of a position inside lowered try statements: an exception to the right
 * catch or finally, a {@code return} through each enclosing finally block, a {@code break} or
 * {@code continue} through the finally blocks it crosses. A jump that crosses several finally
 * blocks goes through small trampoline states that set up the next one.
 */
final class ExitRouter {
  private final SourcePositions positions;
  private final CompilationUnitTree unit;
  private final String dispatch;
  private final TypeNames typeNames;
  /** The coroutine's declared return type, or null for void: returned values are converted to it. */
  private final com.squareup.javapoet.TypeName returnType;
  private final List<CodeBlock> trampolines = new ArrayList<>();
  private int nextState;

  ExitRouter(SourcePositions positions, CompilationUnitTree unit, String dispatch, TypeNames typeNames,
      com.squareup.javapoet.TypeName returnType, int firstFreeState) {
    this.positions = positions;
    this.returnType = returnType;
    this.unit = unit;
    this.dispatch = dispatch;
    this.typeNames = typeNames;
    this.nextState = firstFreeState;
  }

  /** Continues at {@code state}. */
  CodeBlock goTo(int state) {
    return CodeBlock.of("$L = $L;\ncontinue $L;\n", FrameContract.STATE, state, dispatch);
  }

  /** Handles the exception {@code t$} thrown at {@code from}. */
  CodeBlock exception(RegionPart from) {
    CodeBlock.Builder out = CodeBlock.builder();
    for (RegionPart at = from; at != null; at = at.region().enclosing()) {
      TryRegion region = at.region();
      if (at.part() == RegionPart.Part.TRY) {
        for (TryRegion.Handler handler : region.handlers()) {
          CodeBlock.Builder test = CodeBlock.builder();
          for (int i = 0; i < handler.types().size(); i++) {
            test.add(i == 0 ? "$L instanceof $T" : " || $L instanceof $T", FrameContract.THROWN, typeNames.of(handler.types().get(i)));
          }
          out.add("if ($L) {\n$>", test.build())
              .addStatement("$L = ($T) $L", handler.parameter().name(), typeNames.of(handler.parameterType()), FrameContract.THROWN)
              .add(goTo(handler.entry().state())).add("$<}\n");
        }
        if (region.primary() != null) {
          out.addStatement("$L = $L", region.primary().name(), FrameContract.THROWN);
        }
      }
      if (region.hasFinally()) {
        return out.add(complete(region, TryRegion.THROW, CodeBlock.of("$L", FrameContract.THROWN), null)).build();
      }
    }
    return out.addStatement("throw $L", FrameContract.THROWN).build();
  }

  /** Returns {@code value} (null for a void method) from {@code from}, through enclosing finally blocks. */
  CodeBlock ret(RegionPart from, CodeBlock value) {
    // resume$() returns Object: convert first, so that `return 1` in a long method boxes a Long.
    CodeBlock result = value == null || returnType == null ? CodeBlock.of("null") : CodeBlock.of("($T) ($L)", returnType, value);
    TryRegion region = innermostFinally(from, null);
    if (region == null) {
      return CodeBlock.of("return $L;\n", result);
    }
    return complete(region, TryRegion.RETURN, result, null);
  }

  /**
   * Jumps from {@code from} to {@code target}, the label of statement {@code targetStatement}
   * (a break or continue), running the finally blocks of the try statements inside it on the way.
   */
  CodeBlock jump(RegionPart from, Tree targetStatement, Label target) {
    List<TryRegion> crossed = new ArrayList<>();
    for (TryRegion region = innermostFinally(from, targetStatement); region != null;
        region = innermostFinally(region.enclosing(), targetStatement)) {
      crossed.add(region);
    }
    if (crossed.isEmpty()) {
      return goTo(target.state());
    }
    int next = target.state();
    for (int i = crossed.size() - 1; i >= 1; i--) {
      int trampoline = nextState++;
      trampolines.add(CodeBlock.builder().add("$<case $L:\n$>", trampoline)
          .add(complete(crossed.get(i), TryRegion.JUMP, null, next)).build());
      next = trampoline;
    }
    return complete(crossed.get(0), TryRegion.JUMP, null, next);
  }

  /** The end of {@code region}'s finally block: carry on with the pending completion. */
  CodeBlock endFinally(TryRegion region) {
    CodeBlock.Builder out = CodeBlock.builder()
        .add("switch ($L) {\n$>", region.completion().name())
        .add("case $L:\n$>", TryRegion.THROW)
        .addStatement("throw ($T) $L", Throwable.class, region.pending().name())
        .add("$<case $L:\n$>", TryRegion.RETURN)
        .add(ret(region.enclosing(), CodeBlock.of("$L", region.pending().name())))
        .add("$<case $L:\n$>", TryRegion.JUMP)
        .addStatement("$L = $L", FrameContract.STATE, region.jump().name())
        .addStatement("continue $L", dispatch)
        .add("$<default:\n$>")
        .addStatement("break")
        .add("$<$<}\n");
    return out.build();
  }

  /** The trampoline states created so far, to emit after all the others. */
  List<CodeBlock> trampolines() {
    return trampolines;
  }

  private CodeBlock complete(TryRegion region, int kind, CodeBlock pending, Integer jump) {
    CodeBlock.Builder out = CodeBlock.builder().addStatement("$L = $L", region.completion().name(), kind);
    if (pending != null) {
      out.addStatement("$L = $L", region.pending().name(), pending);
    }
    if (jump != null) {
      out.addStatement("$L = $L", region.jump().name(), jump);
    }
    return out.add(goTo(region.finallyEntry().state())).build();
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
