package io.gevent4j.processor.model;

import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A variable of the coroutine that its state machine holds: a parameter, a local declared at a
 * lowered level, or a synthetic temporary. It lives in a field, so that it survives suspension,
 * unless lowering found that no suspension separates its uses: then it is a Java local of
 * {@code resume$()} ({@link CoroutineMethod#javaLocalsBefore}).
 */
public final class Slot {
  /** What the slot holds, for the field's comment. */
  public enum Role { PARAMETER, LOCAL, SYNTHETIC }

  private String name;
  private final TypeMirror type;
  private final VariableElement variable;
  private final Role role;
  private final int line;

  public Slot(String name, TypeMirror type, VariableElement variable, Role role, int line) {
    this.name = name;
    this.type = type;
    this.variable = variable;
    this.role = role;
    this.line = line;
  }

  /**
   * The field's (or Java local's) name: the variable's own name, with a {@code $n} suffix where
   * names repeat, or that of the local whose field it shares.
   */
  public String name() {
    return name;
  }

  /**
   * Makes this slot live in {@code owner}'s field, which it then shares (their scopes are
   * disjoint): set by lowering, before anything is emitted.
   */
  public void shareFieldOf(Slot owner) {
    this.name = owner.name;
  }

  public TypeMirror type() {
    return type;
  }

  /** The source variable, or null for a synthetic slot. */
  public VariableElement variable() {
    return variable;
  }

  public Role role() {
    return role;
  }

  /**
   * The value of a local constant ({@code final} with a constant initializer, JLS 4.12.4), or null:
   * its field is a constant too, so {@code case K:} and {@code byte b = K;} keep compiling.
   */
  public Object constant() {
    return variable != null && role == Role.LOCAL ? variable.getConstantValue() : null;
  }

  /** For a lifted pattern variable, the name the pattern binds before the field is set. */
  public String patternName() {
    return name + "$";
  }

  /** The source line of the declaration, or 0. */
  public int line() {
    return line;
  }

  @Override
  public String toString() {
    return role + " " + type + " " + name;
  }
}
