package io.gevent4j.processor.emission;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.TypeVariableName;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.model.CallKind;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.CoroutineMethod;
import io.gevent4j.processor.model.FrameContract;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.SuspensionPoint;
import io.gevent4j.processor.model.TryRegion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Emits the state machine class of one lowered coroutine and the two factories that create it:
 * the public {@code Greenlet} factory and the frame factory used by calling coroutines.
 */
public final class MachineEmitter {
  static final ClassName GREENLET = ClassName.get("io.gevent4j", "Greenlet");
  static final ClassName FRAME = ClassName.get("io.gevent4j", "CoroutineFrame");

  private final Trees trees;
  private final Types types;
  private final TypeNames typeNames;
  private final SourceLines sourceLines;

  public MachineEmitter(Trees trees, Types types) {
    this.trees = trees;
    this.types = types;
    this.typeNames = new TypeNames(types);
    this.sourceLines = new SourceLines(trees);
  }

  /** What one compiled coroutine contributes to {@code FooCoroutines_Machines}. */
  public static final class Output {
    private final TypeSpec machine;
    private final MethodSpec frameFactory;
    private final String[] source;

    Output(TypeSpec machine, MethodSpec frameFactory, String[] source) {
      this.machine = machine;
      this.frameFactory = frameFactory;
      this.source = source;
    }

    /** {@code p.Foo.method} and {@code Foo.java}: what stack traces show for the machine. */
    public String[] source() {
      return source.clone();
    }

    /** The state machine class. */
    public TypeSpec machine() {
      return machine;
    }

    /** The static method that creates a frame of it, which {@code FooCoroutines}' factories call. */
    public MethodSpec frameFactory() {
      return frameFactory;
    }
  }

  /**
   * Emits the machine named {@code machineName} for {@code method}.
   *
   * @throws io.gevent4j.processor.model.UnsupportedTreeException if the body holds a construct the printer cannot print
   */
  public Output emit(CoroutineMethod method, String machineName) {
    Signature signature = new Signature(method.method(), typeNames, types);
    ClassName machineClass = ClassName.get("", machineName);
    TypeName machineType = signature.typeVariables.isEmpty()
        ? machineClass : ParameterizedTypeName.get(machineClass, signature.typeVariables.toArray(new TypeName[0]));

    TypeSpec.Builder machine = TypeSpec.classBuilder(machineName)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(signature.typeVariables)
        .superclass(ParameterizedTypeName.get(FRAME, signature.result))
        .addJavadoc("State machine of {@link $T#$L}, $L.\n", ClassName.get(method.owner()),
            Signature.javadoc(method.method()), sourceLines.location(method.unit(), method.tree().getReturnType()));

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    List<String> arguments = new ArrayList<>();
    if (!method.isStatic()) {
      machine.addField(FieldSpec.builder(signature.selfType, Names.SELF, Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addParameter(signature.selfType, Names.SELF)
          .addStatement("this.$L = $T.requireNonNull($L)", Names.SELF, java.util.Objects.class, Names.SELF);
    }
    for (Slot parameter : method.parameters()) {
      machine.addField(FieldSpec.builder(typeNames.of(parameter.type()), parameter.name(), Modifier.PRIVATE).build());
      constructor.addParameter(typeNames.of(parameter.type()), parameter.name())
          .addStatement("this.$L = $L", parameter.name(), parameter.name());
      arguments.add(parameter.name());
    }
    for (Slot local : method.locals()) {
      FieldSpec.Builder field = FieldSpec.builder(typeNames.field(local.type()), local.name(), Modifier.PRIVATE);
      if (local.constant() != null) {
        field.addModifiers(Modifier.FINAL).initializer(Literals.constant(local.constant()));
      }
      machine.addField(field.build());
    }
    if (method.assertions()) {
      machine.addField(FieldSpec.builder(boolean.class, FrameContract.ASSERTIONS, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Whether assertions are enabled for the class the body was written in (javac's {@code $$assertionsDisabled}).\n")
          .initializer("$T.class.desiredAssertionStatus()", ClassName.get(Declarations.topLevel(method.owner()))).build());
    }
    machine.addMethod(constructor.build());
    // name$() is the runtime's, read off location$() (whose default arm names the method).
    machine.addMethod(MethodSpec.methodBuilder(FrameContract.ARGUMENTS)
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED).returns(Object[].class)
        .addStatement("return new Object[] {$L}", String.join(", ", arguments)).build());
    CodeBlock body = new Body(method).emit();
    machine.addMethod(location(method));
    MethodSpec clear = clear(method);
    if (clear != null) {
      machine.addMethod(clear);
    }
    machine.addMethod(MethodSpec.methodBuilder(FrameContract.RESUME)
        .addAnnotation(Override.class)
        // States fall through into the next one by design; results come back as Object and are cast.
        // The user's own code in it is warned about where javac compiles the original method.
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "{$S, $S, $S}", "fallthrough", "unchecked", "cast").build())
        .addModifiers(Modifier.PROTECTED).returns(Object.class).addException(Throwable.class)
        .addCode(body).build());

    String creation = "new $T" + (signature.typeVariables.isEmpty() ? "" : "<>") + "($L)";
    MethodSpec frameFactory = signature.factory(Names.frameFactory(method.method()), ParameterizedTypeName.get(FRAME, signature.result))
        .addModifiers(Modifier.STATIC).addStatement("return " + creation, machineClass, String.join(", ", signature.factoryParameterNames()))
        .build();
    return new Output(machine.build(), frameFactory, new String[] {
        binaryName(method.owner()) + "." + method.method().getSimpleName(), SourceLines.fileName(method.unit())});
  }

  /** {@code p.Outer$Inner}: the class name stack traces show. */
  private static String binaryName(TypeElement type) {
    Element enclosing = type.getEnclosingElement();
    return enclosing instanceof TypeElement ? binaryName((TypeElement) enclosing) + "$" + type.getSimpleName()
        : type.getQualifiedName().toString();
  }

  /**
   * {@code location$()}: the source line of the suspension point each resume state waits at, for
   * greenlet dumps ({@code p.Foo.f(Foo.java:16)}).
   */
  private MethodSpec location(CoroutineMethod method) {
    String where = method.owner().getQualifiedName() + "." + method.method().getSimpleName();
    String file = sourceLines.fileName(method.unit());
    CodeBlock.Builder body = CodeBlock.builder().add("switch ($L) {\n$>", FrameContract.STATE);
    for (Instruction instruction : method.instructions()) {
      if (instruction instanceof Instruction.Suspend) {
        int state = ((Instruction.Suspend) instruction).resume().state();
        body.add("case $L:\n$>return $S;\n$<", state, where + "(" + file + ":" + sourceLines.line(method.unit(), instruction.origin().getLeaf()) + ")");
      }
    }
    body.add("default:\n$>return $S;\n$<$<}\n", where + "(" + file + ")");
    return MethodSpec.methodBuilder(FrameContract.LOCATION)
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED).returns(String.class)
        .addCode(body.build()).build();
  }

  /** {@code clear$()}: nulls the reference fields of the locals once the frame finished; null if it has none. */
  private MethodSpec clear(CoroutineMethod method) {
    MethodSpec.Builder clear = MethodSpec.methodBuilder(FrameContract.CLEAR)
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED);
    boolean any = false;
    for (Slot local : method.locals()) {
      if (!local.type().getKind().isPrimitive() && local.constant() == null) {
        clear.addStatement("$L = null", local.name());
        any = true;
      }
    }
    return any ? clear.build() : null;
  }

  /**
   * The holder classes of the private members {@code uses} lists, nested in {@code owner}'s
   * {@code FooCoroutines_Machines} (see {@link PrivateAccessors}).
   */
  public List<TypeSpec> privateAccessors(TypeElement owner, Map<Element, java.util.Set<io.gevent4j.processor.model.PrivateUse>> uses) {
    return new PrivateAccessors(types, typeNames, Names.machinesClass(owner)).holders(owner, uses);
  }

  /** The frame factory of a method that failed to compile: it throws, and the user sees only the real error. */
  public MethodSpec stub(ExecutableElement method) {
    Signature signature = new Signature(method, typeNames, types);
    String message = "gevent4j could not compile " + method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "; see the compile error";
    return signature.factory(Names.frameFactory(method), ParameterizedTypeName.get(FRAME, signature.result))
        .addModifiers(Modifier.STATIC)
        .addStatement("throw new $T($S)", IllegalStateException.class, message).build();
  }

  /** A private field written through its accessor, and the instance it belongs to (null if static). */
  private static final class PrivateField {
    final VariableElement element;
    final CodeBlock receiver;

    PrivateField(VariableElement element, CodeBlock receiver) {
      this.element = element;
      this.receiver = receiver;
    }
  }

  /** Emits the body of {@code resume$()}: one {@code case} per state. */
  private final class Body implements Instruction.Visitor {
    private final CoroutineMethod method;
    private final ExitRenderer exits;
    private final SourcePrinter printer;
    private final PrivateAccessors accessors;
    private final boolean hasRegions;
    private final CodeBlock.Builder out = CodeBlock.builder();
    /** Whether the previous instruction falls into the next one. */
    private boolean fallsThrough = true;
    private Tree lastCommented;

    Body(CoroutineMethod method) {
      this.method = method;
      TypeMirror returns = method.method().getReturnType();
      this.exits = new ExitRenderer(typeNames, returns.getKind() == TypeKind.VOID ? null : typeNames.of(returns));
      this.accessors = new PrivateAccessors(types, typeNames, Names.machinesClass(method.owner()));
      this.printer = new SourcePrinter(trees, types, typeNames, method, Names.SELF, exits, accessors);
      this.hasRegions = !method.stateRegions().isEmpty();
    }

    CodeBlock emit() {
      for (TreePath localType : method.localTypes()) {
        // Declared where the body is split: here, every state sees it.
        comment(localType);
        out.add(printer.statement(localType));
      }
      out.add("$L:\nfor (;;) {\n$>", Names.DISPATCH);
      if (hasRegions) {
        out.add("try {\n$>");
      }
      out.add("switch ($L) {\n$>case 0:\n$>", FrameContract.STATE);
      for (Instruction instruction : method.instructions()) {
        for (Slot local : method.javaLocalsBefore(instruction)) {
          out.addStatement("$T $L", typeNames.field(local.type()), local.name());
        }
        if (!(instruction instanceof Instruction.Verbatim)) {
          comment(instruction.origin()); // a verbatim statement comments itself, with its lines
        }
        instruction.accept(this);
        fallsThrough = !instruction.isTerminal();
      }
      out.add("$<default:\n$>throw $L();\n$<$<}\n", FrameContract.INVALID_STATE);
      if (hasRegions) {
        out.add("$<} catch ($T $L) {\n$>", Throwable.class, FrameContract.THROWN).addStatement("$L()", FrameContract.CAUGHT).add(exceptionRouting()).add("$<}\n");
      }
      return out.add("$<}\n").build();
    }

    /** In the catch of the dispatch loop: sends {@code t$} along the route of the state it came from. */
    private CodeBlock exceptionRouting() {
      Map<TryRegion.RegionPart, List<Integer>> statesByPart = new LinkedHashMap<>();
      for (Map.Entry<Integer, TryRegion.RegionPart> entry : method.stateRegions().entrySet()) {
        statesByPart.computeIfAbsent(entry.getValue(), part -> new ArrayList<>()).add(entry.getKey());
      }
      CodeBlock.Builder routing = CodeBlock.builder().add("switch ($L) {\n$>", FrameContract.STATE);
      for (Map.Entry<TryRegion.RegionPart, List<Integer>> entry : statesByPart.entrySet()) {
        for (int state : entry.getValue()) {
          routing.add("case $L:\n", state);
        }
        routing.add("$>{\n$>").add(exits.route(method.exceptionRoute(entry.getKey()))).add("$<}\n$<");
      }
      return routing.add("default:\n$>throw $L;\n$<$<}\n", FrameContract.THROWN).build();
    }

    private void comment(TreePath origin) {
      comment(origin, 1);
    }

    /**
     * The {@code // Foo.java:42  text} comment of {@code origin}; {@code // Foo.java:42-45  text}
     * when the code that follows is its source copied line for line ({@code printedLines} lines,
     * as many as it has in the source), so that {@code LineTable} maps each of them.
     */
    private void comment(TreePath origin, int printedLines) {
      if (origin != null && origin.getLeaf() != lastCommented) {
        lastCommented = origin.getLeaf();
        out.add("// $L\n", sourceLines.describe(method.unit(), origin.getLeaf(), printedLines));
      }
    }

    @Override
    public void visitMark(Instruction.Mark mark) {
      if (hasRegions && fallsThrough) {
        out.addStatement("$L = $L", FrameContract.STATE, mark.label().state());
      }
      out.add("$<case $L:\n$>", mark.label().state());
    }

    @Override
    public void visitJump(Instruction.Jump jump) {
      out.add(exits.render(jump.exit(), null));
    }

    @Override
    public void visitBranch(Instruction.Branch branch) {
      out.add(printer.withCopies(branch.captured(), () -> CodeBlock.builder()
          .add("if (!($L)) {\n$>", code(branch.condition())).add(exits.goTo(branch.ifFalse())).add("$<}\n").build()));
    }

    @Override
    public void visitEndFinally(Instruction.EndFinally end) {
      out.add(exits.endFinally(end.tryRegion(), end.pendingReturn()));
    }

    @Override
    public void visitSwitch(Instruction.Switch dispatch) {
      out.add("switch ($L) {\n$>", code(dispatch.selector()));
      for (int i = 0; i < dispatch.constants().size(); i++) {
        TreePath constant = dispatch.constants().get(i);
        if (dispatch.labels() == Instruction.Switch.Labels.ENUM_NAMES) {
          out.add("case $L:\n$>", trees.getElement(constant).getSimpleName());
        } else if (dispatch.labels() == Instruction.Switch.Labels.ENUM_ORDINALS) {
          out.add("case $L:\n$>", Declarations.ordinal(trees.getElement(constant)));
        } else {
          out.add("case $L:\n$>", printer.expression(constant));
        }
        out.add(exits.goTo(dispatch.targets().get(i))).add("$<");
      }
      out.add("default:\n$>").add(exits.goTo(dispatch.otherwise())).add("$<$<}\n");
    }

    @Override
    public void visitRun(Instruction.Run run) {
      out.add(printer.withCopies(run.captured(), () -> CodeBlock.of("$L\n", code(run.statement()))));
    }

    @Override
    public void visitVerbatim(Instruction.Verbatim verbatim) {
      CodeBlock text = printer.withCopies(verbatim.captured(), () -> printer.statement(verbatim.statement()));
      // Copies of captured locals come first: then the lines no longer match the source's.
      comment(verbatim.origin(), verbatim.captured().isEmpty() ? lineCount(text) : 1);
      out.add(text);
    }

    private int lineCount(CodeBlock text) {
      String printed = text.toString();
      int lines = 0;
      for (int i = 0; i < printed.length(); i++) {
        if (printed.charAt(i) == '\n') {
          lines++;
        }
      }
      return printed.endsWith("\n") ? lines : lines + 1;
    }

    @Override
    public void visitReturn(Instruction.Return ret) {
      out.add(printer.withCopies(ret.captured(), () -> exits.render(ret.exit(), ret.value() == null ? null : code(ret.value()))));
    }

    @Override
    public void visitThrow(Instruction.Throw thrown) {
      out.add(printer.withCopies(thrown.captured(), () -> CodeBlock.of("throw $L;\n", code(thrown.exception()))));
    }

    @Override
    public void visitSuspend(Instruction.Suspend suspend) {
      for (Slot dead : method.deadAt(suspend)) {
        out.addStatement("$L = null", dead.name());
      }
      SuspensionPoint point = suspend.point();
      Code target = suspend.target();
      int resume = suspend.resume().state();
      if (point.kind() == CallKind.COROUTINE) {
        // Statements that hold printed source are added whole (`add`, not `addStatement`): the
        // source may hold statements of its own (a lambda's), which JavaPoet cannot nest.
        out.add("if ($L($L, $L)) {\n$>return $L;\n$<}\n", FrameContract.CALL_FRAME, frameCreation(suspend), resume, FrameContract.CALL);
        out.add("$<case $L:\n$>", resume);
        if (target == null) {
          out.addStatement("$L()", FrameContract.RESULT);
        } else {
          out.addStatement("$L", assignment(target, CodeBlock.of("($T) $L()", typeNames.inBody(suspend.resultType()).box(), FrameContract.RESULT)));
        }
      } else {
        CodeBlock call = yieldingCall(suspend);
        CodeBlock park = CodeBlock.of("if ($L($L)) {\n$>return $L;\n$<}\n", FrameContract.PARKED, resume, FrameContract.SUSPEND);
        if (target == null) {
          out.add("$L;\n", call).add(park);
        } else {
          // The target keeps its value until the call returns one: a parked call only returns a placeholder.
          out.add("{\n$>").add("$T $L = $L;\n", typeNames.inBody(suspend.resultType()), FrameContract.VALUE, call)
              .add(park).addStatement("$L", assignment(target, CodeBlock.of("$L", FrameContract.VALUE))).add("$<}\n");
        }
        out.add("$<case $L:\n$>", resume);
        if (target == null) {
          out.add("if ($L()) {\n$>$L();\n$<}\n", FrameContract.RESUMED, FrameContract.RESULT);
        } else {
          out.add("if ($L()) {\n$>$L;\n$<}\n", FrameContract.RESUMED,
              assignment(target, CodeBlock.of("($T) $L()", typeNames.inBody(suspend.resultType()).box(), FrameContract.RESULT)));
        }
      }
    }

    /**
     * The call of a {@code @Yielding} method, marked as cooperative right before it; lowering
     * made sure that evaluating its receiver and arguments runs no user code.
     */
    private CodeBlock yieldingCall(Instruction.Suspend suspend) {
      SuspensionPoint point = suspend.point();
      out.addStatement("$L()", FrameContract.PREPARE);
      CodeBlock.Builder call = CodeBlock.builder();
      boolean first = true;
      if (point.kind() == CallKind.PATCHED) {
        // The replacement is static: an instance call passes its receiver as the first argument.
        call.add("$T.$L(", ClassName.bestGuess(point.replacementOwner()), point.method().getSimpleName());
        if (!isStatic(point)) {
          call.add(receiver(suspend));
          first = false;
        }
      } else if (suspend.receiver() == null) {
        call.add(printer.expression(new TreePath(point.call(), point.tree().getMethodSelect()))).add("(");
      } else {
        call.add("$L.$L(", code(suspend.receiver()), point.method().getSimpleName());
      }
      for (Code argument : suspend.arguments()) {
        call.add(first ? "" : ", ").add(code(argument));
        first = false;
      }
      return call.add(")").build();
    }

    private CodeBlock frameCreation(Instruction.Suspend suspend) {
      ExecutableElement callee = suspend.point().method();
      CodeBlock.Builder call = CodeBlock.builder().add("$T.$L(", Names.coroutinesClass((TypeElement) callee.getEnclosingElement()),
          suspend.point().isSuper() ? Names.specialFactory(callee) : Names.frameFactory(callee));
      boolean first = true;
      if (!isStatic(suspend.point())) {
        call.add(receiver(suspend));
        first = false;
      }
      for (Code argument : suspend.arguments()) {
        call.add(first ? "" : ", ").add(code(argument));
        first = false;
      }
      return call.add(")").build();
    }

    /** The receiver of an instance call: as written, else the instance that has the method (self$, or an outer one). */
    private CodeBlock receiver(Instruction.Suspend suspend) {
      return suspend.receiver() != null ? code(suspend.receiver())
          : printer.instanceOf((TypeElement) suspend.point().method().getEnclosingElement());
    }

    private boolean isStatic(SuspensionPoint point) {
      return point.method().getModifiers().contains(Modifier.STATIC);
    }

    /**
     * {@code target = value}: a slot by its name, never cast; a private field through its
     * accessor, {@code Private$Foo.count$set(self$, value)}.
     */
    private CodeBlock assignment(Code target, CodeBlock value) {
      Object only = target.parts().size() == 1 ? target.parts().get(0) : null;
      if (only instanceof Slot) {
        return CodeBlock.of("$L = $L", ((Slot) only).name(), value);
      }
      PrivateField field = privateField(target);
      return field != null ? accessors.write(field.element, field.receiver, value) : CodeBlock.of("$L = $L", code(target), value);
    }

    /**
     * The private field that {@code location} is when it is one written through an accessor
     * (a lowered field part, or a field of the user's tree), else null.
     */
    private PrivateField privateField(Code location) {
      Object only = location.parts().size() == 1 ? location.parts().get(0) : null;
      if (only instanceof Code.Field && Declarations.needsAccessor(((Code.Field) only).element())) {
        return new PrivateField(((Code.Field) only).element(), object((Code.Field) only));
      }
      if (only instanceof TreePath && Declarations.needsAccessor(trees.getElement((TreePath) only))) {
        TreePath variable = (TreePath) only;
        return new PrivateField((VariableElement) trees.getElement(variable), printer.receiverOf(variable));
      }
      return null;
    }

    private CodeBlock object(Code.Field field) {
      return field.object() == null ? null : code(field.object());
    }

    /** A field read: {@code object.name}, {@code Foo.name}, or a private one's accessor. */
    private CodeBlock field(Code.Field field) {
      VariableElement element = field.element();
      if (Declarations.needsAccessor(element)) {
        return accessors.read(element, object(field));
      }
      return field.object() == null
          ? CodeBlock.of("$T.$L", typeNames.inBody(types.erasure(element.getEnclosingElement().asType())), element.getSimpleName())
          : CodeBlock.of("$L.$L", code(field.object()), element.getSimpleName());
    }

    /** {@code location++} and the like; a private field's through its accessor. */
    private CodeBlock step(Code.Step step) {
      PrivateField field = privateField(step.location());
      if (field != null) {
        return accessors.step(field.element, io.gevent4j.processor.analysis.PrivateMembers.step(step.kind()), field.receiver);
      }
      String symbol = io.gevent4j.processor.model.Operators.symbol(step.kind());
      boolean prefix = step.kind() == Tree.Kind.PREFIX_INCREMENT || step.kind() == Tree.Kind.PREFIX_DECREMENT;
      return prefix ? CodeBlock.of("$L$L", symbol, code(step.location())) : CodeBlock.of("$L$L", code(step.location()), symbol);
    }

    /** Prints a lowering {@link Code} fragment (a slot of a local class's type read back with a cast). */
    private CodeBlock code(Code code) {
      CodeBlock.Builder out = CodeBlock.builder();
      for (Object part : code.parts()) {
        if (part instanceof String) {
          out.add("$L", part);
        } else if (part instanceof TreePath) {
          out.add(printer.expression((TreePath) part));
        } else if (part instanceof Code.Effect) {
          out.add(printer.statementExpression(((Code.Effect) part).path()));
        } else if (part instanceof Code.Substituted) {
          Code.Substituted substituted = (Code.Substituted) part;
          Map<Tree, CodeBlock> operands = new java.util.IdentityHashMap<>();
          for (Map.Entry<Tree, Code> operand : substituted.operands().entrySet()) {
            operands.put(operand.getKey(), code(operand.getValue()));
          }
          out.add(printer.expression(substituted.path(), operands));
        } else if (part instanceof TypeMirror) {
          out.add("$T", typeNames.inBody((TypeMirror) part));
        } else if (part instanceof Code.Assignment) {
          out.add(assignment(((Code.Assignment) part).target(), code(((Code.Assignment) part).value())));
        } else if (part instanceof Code.Field) {
          out.add(field((Code.Field) part));
        } else if (part instanceof Code.Step) {
          out.add(step((Code.Step) part));
        } else if (part instanceof Slot) {
          Slot slot = (Slot) part;
          out.add(typeNames.mentionsLocalClass(slot.type())
              ? CodeBlock.of("(($T) $L)", typeNames.inBody(slot.type()), slot.name()) : CodeBlock.of("$L", slot.name()));
        } else {
          out.add("$L", ((Label) part).state());
        }
      }
      return out.build();
    }
  }
}
