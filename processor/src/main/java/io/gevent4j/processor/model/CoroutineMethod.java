package io.gevent4j.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
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
  private final Map<VariableElement, Slot> slotsByVariable;
  private final List<Instruction> instructions;
  private final Map<Tree, Label> breakTargets;
  private final Map<Tree, Label> continueTargets;

  public CoroutineMethod(ExecutableElement method, MethodTree tree, CompilationUnitTree unit,
      List<Slot> parameters, List<Slot> locals, Map<VariableElement, Slot> slotsByVariable,
      List<Instruction> instructions, Map<Tree, Label> breakTargets, Map<Tree, Label> continueTargets) {
    this.method = method;
    this.tree = tree;
    this.unit = unit;
    this.parameters = Collections.unmodifiableList(parameters);
    this.locals = Collections.unmodifiableList(locals);
    this.slotsByVariable = Collections.unmodifiableMap(slotsByVariable);
    this.instructions = Collections.unmodifiableList(instructions);
    this.breakTargets = Collections.unmodifiableMap(breakTargets);
    this.continueTargets = Collections.unmodifiableMap(continueTargets);
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

  /** Lifted locals and synthetic temporaries, in declaration order. */
  public List<Slot> locals() {
    return locals;
  }

  /** The slot of a source variable, or null if the variable stays a Java local. */
  public Slot slotOf(VariableElement variable) {
    return slotsByVariable.get(variable);
  }

  public List<Instruction> instructions() {
    return instructions;
  }

  /** Where a {@code break} out of a lowered statement continues. */
  public Label breakTarget(Tree statement) {
    return breakTargets.get(statement);
  }

  /** Where a {@code continue} of a lowered loop continues. */
  public Label continueTarget(Tree statement) {
    return continueTargets.get(statement);
  }

  @Override
  public String toString() {
    return owner().getQualifiedName() + "." + method.getSimpleName() + " " + instructions.size() + " instructions";
  }
}
