package io.gevent4j.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** A {@code @Coroutine} method after lowering: its slots and its flat list of instructions. */
public final class CoroutineMethod {
  private final ExecutableElement method;
  private final MethodTree tree;
  private final CompilationUnitTree unit;
  private final List<Slot> parameters;
  private final List<Slot> locals;
  private final Map<Instruction, List<Slot>> javaLocals;
  private final Map<Instruction, List<Slot>> deadReferences;
  private final Map<VariableElement, Slot> slotsByVariable;
  private final List<Instruction> instructions;
  private final Map<Tree, Exit> verbatimExits;
  private final Map<Tree, Slot> verbatimYields;
  private final List<TreePath> localTypes;
  private final boolean assertions;
  private final Map<Integer, TryRegion.RegionPart> stateRegions;
  private final Map<TryRegion.RegionPart, ExceptionRoute> exceptionRoutes;

  public CoroutineMethod(ExecutableElement method, MethodTree tree, CompilationUnitTree unit,
      List<Slot> parameters, List<Slot> locals, Map<Instruction, List<Slot>> javaLocals,
      Map<Instruction, List<Slot>> deadReferences, Map<VariableElement, Slot> slotsByVariable,
      List<Instruction> instructions, Map<Tree, Exit> verbatimExits, Map<Tree, Slot> verbatimYields, Map<Integer, TryRegion.RegionPart> stateRegions,
      Map<TryRegion.RegionPart, ExceptionRoute> exceptionRoutes, List<TreePath> localTypes, boolean assertions) {
    this.method = method;
    this.tree = tree;
    this.unit = unit;
    this.parameters = Collections.unmodifiableList(parameters);
    this.locals = Collections.unmodifiableList(locals);
    this.javaLocals = javaLocals;
    this.deadReferences = deadReferences;
    this.slotsByVariable = Collections.unmodifiableMap(slotsByVariable);
    this.instructions = Collections.unmodifiableList(instructions);
    this.verbatimExits = Collections.unmodifiableMap(verbatimExits);
    this.verbatimYields = Collections.unmodifiableMap(verbatimYields);
    this.localTypes = Collections.unmodifiableList(localTypes);
    this.assertions = assertions;
    this.stateRegions = Collections.unmodifiableMap(stateRegions);
    this.exceptionRoutes = Collections.unmodifiableMap(exceptionRoutes);
  }

  public ExecutableElement method() {
    return method;
  }

  public TypeElement owner() {
    return (TypeElement) method.getEnclosingElement();
  }

  public boolean isStatic() {
    return method.getModifiers().contains(Modifier.STATIC);
  }

  public MethodTree tree() {
    return tree;
  }

  public CompilationUnitTree unit() {
    return unit;
  }

  public List<Slot> parameters() {
    return parameters;
  }

  /** The lifted locals and synthetic temporaries that live in fields, in declaration order. */
  public List<Slot> locals() {
    return locals;
  }

  /**
   * The lifted locals that live in Java locals of {@code resume$()} (no suspension separates their
   * uses), declared right before {@code instruction}, the first to name them.
   */
  public List<Slot> javaLocalsBefore(Instruction instruction) {
    return javaLocals.getOrDefault(instruction, Collections.emptyList());
  }

  /** The reference fields no local in scope holds at {@code suspend}: nulled before it suspends. */
  public List<Slot> deadAt(Instruction.Suspend suspend) {
    return deadReferences.getOrDefault(suspend, Collections.emptyList());
  }

  /** The slot of a source variable, or null if the variable stays a Java local. */
  public Slot slotOf(VariableElement variable) {
    return slotsByVariable.get(variable);
  }

  public List<Instruction> instructions() {
    return instructions;
  }

  /**
   * How a {@code break}, {@code continue} or {@code return} inside a statement printed whole
   * leaves it for a lowered statement; null when it stays as written.
   */
  public Exit exitOf(Tree jump) {
    return verbatimExits.get(jump);
  }

  /**
   * For a {@code yield} of a lowered switch expression inside a statement printed whole, the
   * field its value goes into (then it leaves by {@link #exitOf}); else null.
   */
  public Slot yieldResultOf(Tree yield) {
    return verbatimYields.get(yield);
  }

  /** Whether the body holds an {@code assert}: the machine then reads the assertion status once. */
  public boolean assertions() {
    return assertions;
  }

  /** The local classes, records, enums and interfaces declared where the body is split, in order. */
  public List<TreePath> localTypes() {
    return localTypes;
  }

  /** The try-statement part of each state inside one, by state number. */
  public Map<Integer, TryRegion.RegionPart> stateRegions() {
    return stateRegions;
  }

  /** What the dispatch loop does with an exception caught in a state of {@code part}. */
  public ExceptionRoute exceptionRoute(TryRegion.RegionPart part) {
    return exceptionRoutes.get(part);
  }

  @Override
  public String toString() {
    return owner().getQualifiedName() + "." + method.getSimpleName() + " " + instructions.size() + " instructions";
  }
}
