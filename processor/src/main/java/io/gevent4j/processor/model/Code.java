package io.gevent4j.processor.model;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * A fragment of generated Java built by lowering, independent of how it is printed: text, source
 * expressions ({@link TreePath}), types ({@link TypeMirror}), {@link Slot} references and
 * {@link Label} state numbers.
 */
public final class Code {
  private final List<Object> parts;

  private Code(List<Object> parts) {
    this.parts = Collections.unmodifiableList(parts);
  }

  /** Concatenates {@code parts}: strings, tree paths, types, slots, labels and other codes. */
  public static Code of(Object... parts) {
    List<Object> flat = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Code) {
        flat.addAll(((Code) part).parts);
      } else if (part instanceof String || part instanceof TreePath || part instanceof TypeMirror
          || part instanceof Slot || part instanceof Label || part instanceof Effect || part instanceof Substituted || part instanceof Assignment
          || part instanceof Field || part instanceof Step) {
        flat.add(part);
      } else {
        throw new IllegalArgumentException("not a code part: " + part);
      }
    }
    return new Code(flat);
  }

  /**
   * {@code path;}: an expression evaluated as a statement, printed as written. (Everywhere else a
   * source expression is an operand, parenthesized unless it is a primary.)
   */
  public static Code statement(TreePath path) {
    return of(new Effect(path), ";");
  }

  /** A source tree printed as written, without parentheses: a pattern, or a type. */
  public static Code asWritten(TreePath path) {
    return of(new Effect(path));
  }

  /** A source expression evaluated for its effect, or a pattern: printed without parentheses. */
  public static final class Effect {
    private final TreePath path;

    Effect(TreePath path) {
      this.path = path;
    }

    public TreePath path() {
      return path;
    }
  }

  /**
   * The source text of {@code path} with some of its operands replaced by lowered code: the
   * user's own operators and grouping, around operands that lowering evaluated beforehand.
   * A replacement must be a single value (a slot) or a self-contained grouping.
   */
  public static Code substituted(TreePath path, java.util.Map<com.sun.source.tree.Tree, Code> operands) {
    return of(new Substituted(path, operands));
  }

  /** See {@link #substituted}. */
  public static final class Substituted {
    private final TreePath path;
    private final java.util.Map<com.sun.source.tree.Tree, Code> operands;

    Substituted(TreePath path, java.util.Map<com.sun.source.tree.Tree, Code> operands) {
      this.path = path;
      this.operands = operands;
    }

    public TreePath path() {
      return path;
    }

    /** Operand trees of {@link #path} (by identity) and the code that replaces each. */
    public java.util.Map<com.sun.source.tree.Tree, Code> operands() {
      return operands;
    }
  }

  /**
   * {@code target = value}: {@code target} is written, never read (its slot is not cast back; a
   * private field is written through its accessor).
   */
  public static Code assign(Object target, Object... value) {
    return of(new Assignment(of(target), of(value)));
  }

  /** See {@link #assign}. */
  public static final class Assignment {
    private final Code target;
    private final Code value;

    Assignment(Code target, Code value) {
      this.target = target;
      this.value = value;
    }

    /** The variable written: a slot, a source variable, an element, a {@link Field}. */
    public Code target() {
      return target;
    }

    public Code value() {
      return value;
    }
  }

  /** Field {@code field} of {@code object}'s value, or of its class when {@code object} is null. */
  public static Code field(Code object, javax.lang.model.element.VariableElement field) {
    return of(new Field(object, field));
  }

  /** See {@link #field}. */
  public static final class Field {
    private final Code object;
    private final javax.lang.model.element.VariableElement element;

    Field(Code object, javax.lang.model.element.VariableElement element) {
      this.object = object;
      this.element = element;
    }

    /** The object whose field it is; null for a static field. */
    public Code object() {
      return object;
    }

    public javax.lang.model.element.VariableElement element() {
      return element;
    }
  }

  /** {@code location++} and the other increments and decrements ({@code kind}) of a variable. */
  public static Code step(Code location, com.sun.source.tree.Tree.Kind kind) {
    return of(new Step(location, kind));
  }

  /** See {@link #step}. */
  public static final class Step {
    private final Code location;
    private final com.sun.source.tree.Tree.Kind kind;

    Step(Code location, com.sun.source.tree.Tree.Kind kind) {
      this.location = location;
      this.kind = kind;
    }

    public Code location() {
      return location;
    }

    /** {@code PREFIX_INCREMENT}, {@code POSTFIX_DECREMENT}, ... */
    public com.sun.source.tree.Tree.Kind kind() {
      return kind;
    }
  }

  /** Wraps {@code parts} in parentheses: the grouping of an operation lowering composed. */
  public static Code group(Object... parts) {
    return of("(", of(parts), ")");
  }

  public List<Object> parts() {
    return parts;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      out.append(part instanceof TreePath ? ((TreePath) part).getLeaf() : part);
    }
    return out.toString();
  }
}
