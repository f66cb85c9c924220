package io.gevent4j.processor.emission;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.TypeName;
import io.gevent4j.processor.model.ExceptionRoute;
import io.gevent4j.processor.model.Exit;
import io.gevent4j.processor.model.FrameContract;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.TryRegion;

/** Renders the exits and exception routes lowering planned as statements of {@code resume$()}. */
final class ExitRenderer {
  private final TypeNames typeNames;
  /** The coroutine's declared return type, or null for void: returned values are converted to it. */
  private final TypeName returnType;

  ExitRenderer(TypeNames typeNames, TypeName returnType) {
    this.typeNames = typeNames;
    this.returnType = returnType;
  }

  /** Continues at {@code label}'s state. */
  CodeBlock goTo(Label label) {
    return CodeBlock.of("$L = $L;\ncontinue $L;\n", FrameContract.STATE, label.state(), FrameContract.DISPATCH);
  }

  /** {@code exit}, carrying {@code value} (a return's, or null for void; unused by a jump). */
  CodeBlock render(Exit exit, CodeBlock value) {
    switch (exit.kind()) {
      case GO_TO:
        return goTo(exit.target());
      case RETURN:
        return CodeBlock.of("$L\n", returnStatement(value));
      case RETHROW:
        return CodeBlock.of("throw $L;\n", FrameContract.THROWN);
      default:
        TryRegion region = exit.region();
        CodeBlock.Builder out = CodeBlock.builder().addStatement("$L = $L", region.completion().name(), exit.completion());
        if (exit.completion() == TryRegion.RETURN) {
          out.addStatement("$L = $L", region.pending().name(), returned(value));
        } else if (exit.completion() == TryRegion.THROW) {
          out.addStatement("$L = $L", region.pending().name(), FrameContract.THROWN);
        } else {
          out.addStatement("$L = $L", region.jump().name(), exit.target().state());
        }
        return out.add(goTo(region.finallyEntry())).build();
    }
  }

  /** {@code return (T) (value);}, without a line end: one statement, it needs no braces where it stands. */
  CodeBlock returnStatement(CodeBlock value) {
    return CodeBlock.of("return $L;", returned(value));
  }

  /** resume$() returns Object: convert first, so that `return 1` in a long method boxes a Long. */
  private CodeBlock returned(CodeBlock value) {
    return value == null || returnType == null ? CodeBlock.of("null") : CodeBlock.of("($T) ($L)", returnType, value);
  }

  /** Sends the exception {@code t$} along {@code route}. */
  CodeBlock route(ExceptionRoute route) {
    CodeBlock.Builder out = CodeBlock.builder();
    for (ExceptionRoute.Step step : route.steps()) {
      for (TryRegion.Handler handler : step.handlers()) {
        CodeBlock.Builder test = CodeBlock.builder();
        for (int i = 0; i < handler.types().size(); i++) {
          test.add(i == 0 ? "$L instanceof $T" : " || $L instanceof $T", FrameContract.THROWN, typeNames.of(handler.types().get(i)));
        }
        out.add("if ($L) {\n$>", test.build())
            .addStatement("$L = ($T) $L", handler.parameter().name(), typeNames.of(handler.parameterType()), FrameContract.THROWN)
            .add(goTo(handler.entry())).add("$<}\n");
      }
      if (step.primary() != null) {
        out.addStatement("$L = $L", step.primary().name(), FrameContract.THROWN);
      }
    }
    return out.add(render(route.last(), null)).build();
  }

  /** The end of {@code region}'s finally block: carry on with the pending completion. */
  CodeBlock endFinally(TryRegion region, Exit pendingReturn) {
    return CodeBlock.builder()
        .add("switch ($L) {\n$>", region.completion().name())
        .add("case $L:\n$>", TryRegion.THROW)
        .addStatement("throw ($T) $L", Throwable.class, region.pending().name())
        .add("$<case $L:\n$>", TryRegion.RETURN)
        .add(render(pendingReturn, CodeBlock.of("$L", region.pending().name())))
        .add("$<case $L:\n$>", TryRegion.JUMP)
        .addStatement("$L = $L", FrameContract.STATE, region.jump().name())
        .addStatement("continue $L", FrameContract.DISPATCH)
        .add("$<default:\n$>")
        .addStatement("break")
        .add("$<$<}\n")
        .build();
  }
}
