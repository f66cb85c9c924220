package io.gevent4j.processor.model;

import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * A lowered {@code try} statement: its catch clauses, and for a {@code finally}, the fields that
 * hold the pending completion (normal, throw, return or jump) while the finally block runs, so
 * that the finally block may itself suspend (regenerator's completion records).
 */
public final class TryRegion {
  /** How the try or catch part completed, in the completion field. */
  public static final int NORMAL = 0;
  public static final int THROW = 1;
  public static final int RETURN = 2;
  public static final int JUMP = 3;

  /** One catch clause: the types it catches, its parameter, and where its block starts. */
  public static final class Handler {
    private final List<TypeMirror> types;
    private final TypeMirror parameterType;
    private final Slot parameter;
    private final Label entry;

    public Handler(List<TypeMirror> types, TypeMirror parameterType, Slot parameter, Label entry) {
      this.types = Collections.unmodifiableList(new ArrayList<>(types));
      this.parameterType = parameterType;
      this.parameter = parameter;
      this.entry = entry;
    }

    public List<TypeMirror> types() {
      return types;
    }

    /** The declared type of the parameter (for a multi-catch, the alternatives' common superclass). */
    public TypeMirror parameterType() {
      return parameterType;
    }

    public Slot parameter() {
      return parameter;
    }

    public Label entry() {
      return entry;
    }
  }

  private final Tree statement;
  private final RegionPart enclosing;
  private final List<Handler> handlers = new ArrayList<>();
  private final Label finallyEntry;
  private final Slot completion;
  private final Slot pending;
  private final Slot jump;
  private final Slot primary;

  /**
   * A region for {@code statement} nested in {@code enclosing} (null at top level). With a
   * {@code finallyEntry}, the three completion slots must be given; {@code primary}, when not
   * null, receives any exception of the try part before the finally block runs (try-with-resources).
   */
  public TryRegion(Tree statement, RegionPart enclosing, Label finallyEntry, Slot completion, Slot pending, Slot jump, Slot primary) {
    this.statement = statement;
    this.enclosing = enclosing;
    this.finallyEntry = finallyEntry;
    this.completion = completion;
    this.pending = pending;
    this.jump = jump;
    this.primary = primary;
  }

  public void addHandler(Handler handler) {
    handlers.add(handler);
  }

  /** The try statement (for a try-with-resources, one per resource). */
  public Tree statement() {
    return statement;
  }

  /** Where the try statement itself sits, or null at top level. */
  public RegionPart enclosing() {
    return enclosing;
  }

  public List<Handler> handlers() {
    return Collections.unmodifiableList(handlers);
  }

  public boolean hasFinally() {
    return finallyEntry != null;
  }

  public Label finallyEntry() {
    return finallyEntry;
  }

  public Slot completion() {
    return completion;
  }

  public Slot pending() {
    return pending;
  }

  public Slot jump() {
    return jump;
  }

  /** Where the try part's exception is recorded for resource closing, or null. */
  public Slot primary() {
    return primary;
  }

  /** A position inside a lowered try statement: its try part or one of its catch blocks. */
  public static final class RegionPart {
    /** Which part of the statement. */
    public enum Part { TRY, CATCH }

    private final TryRegion region;
    private final Part part;

    public RegionPart(TryRegion region, Part part) {
      this.region = region;
      this.part = part;
    }

    public TryRegion region() {
      return region;
    }

    public Part part() {
      return part;
    }
  }
}
