package io.gevent4j.processor.lowering;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.SuspensionFinder;
import com.sun.source.tree.Tree;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.ExceptionRoute;
import io.gevent4j.processor.model.Exit;
import io.gevent4j.processor.model.FrameContract;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.TryRegion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** What the statement and expression lowerers share while lowering one method: output and slots. */
final class LoweringContext {
  final Trees trees;
  final Elements elements;
  /** The switch expressions being lowered, by tree: where their {@code yield}s go. */
  final Map<Tree, YieldTarget> yieldTargets = new IdentityHashMap<>();
  /** Local classes declared where the body is split: declared at the top of resume$(). */
  final List<TreePath> localTypes = new ArrayList<>();
  /** The field each {@code yield} printed inside a whole statement stores its value into. */
  final Map<Tree, Slot> verbatimYields = new IdentityHashMap<>();
  final SuspensionFinder.Result found;
  final CompilationUnitTree unit;
  /** The class whose coroutine this is (whose {@code this} and {@code super} the body means). */
  final javax.lang.model.element.TypeElement owner;
  final List<Instruction> out = new ArrayList<>();
  final List<Slot> parameters = new ArrayList<>();
  final List<Slot> locals = new ArrayList<>();
  final Map<VariableElement, Slot> slots = new LinkedHashMap<>();
  /** The plain local declarations: the slots that may need no field of their own. */
  final LocalScopes plainLocals = new LocalScopes();
  /** Every exit out of the statements printed whole, by their break, continue or return tree. */
  final Map<Tree, Exit> verbatimExits = new IdentityHashMap<>();
  /** The try-statement part of each state that has one. */
  final Map<Integer, TryRegion.RegionPart> stateRegions = new LinkedHashMap<>();
  /** The exception route of each try-statement part that has states. */
  final Map<TryRegion.RegionPart, ExceptionRoute> routes = new LinkedHashMap<>();
  final ExitPlanner exits;
  /** Lowers a statement (the statement lowerer's entry point, for the arms of switch expressions). */
  java.util.function.Consumer<TreePath> statements;
  private final Captures captures;
  private final Set<String> usedNames = new HashSet<>();
  private int syntheticCount;
  private TryRegion.RegionPart region;

  LoweringContext(Trees trees, Elements elements, SuspensionFinder.Result found, CompilationUnitTree unit,
      javax.lang.model.element.TypeElement owner) {
    this.trees = trees;
    this.elements = elements;
    this.found = found;
    this.unit = unit;
    this.owner = owner;
    this.exits = new ExitPlanner(trees.getSourcePositions(), unit);
    this.captures = new Captures(trees, slots);
    usedNames.addAll(FrameContract.RESERVED_VARIABLES);
  }

  /** Where the {@code yield}s of a lowered switch expression go: its value's field, then its end. */
  static final class YieldTarget {
    final Slot result;
    final TypeMirror type;
    final Label end;

    YieldTarget(Slot result, TypeMirror type, Label end) {
      this.result = result;
      this.type = type;
      this.end = end;
    }
  }

  void emit(Instruction instruction) {
    instruction.setRegion(region);
    instruction.setCaptured(captures.of(instruction));
    out.add(instruction);
  }

  /**
   * Finishes the instruction list: appends the trampoline states, drops what cannot be reached
   * (after a jump, until the next state), ends it with {@code fallOff} if its end can be reached,
   * numbers the states and plans the exception routes of each part of a try statement.
   */
  void finish(Instruction fallOff) {
    out.addAll(exits.trampolines());
    List<Instruction> reachable = new ArrayList<>();
    boolean live = true;
    for (Instruction instruction : out) {
      if (instruction instanceof Instruction.Mark) {
        live = true;
      }
      if (live) {
        reachable.add(instruction);
        live = !instruction.isTerminal();
      }
    }
    if (live) {
      reachable.add(fallOff);
    }
    out.clear();
    out.addAll(reachable);
    int next = 1;
    for (Instruction instruction : out) {
      Label label = instruction instanceof Instruction.Mark ? ((Instruction.Mark) instruction).label()
          : instruction instanceof Instruction.Suspend ? ((Instruction.Suspend) instruction).resume() : null;
      if (label != null) {
        label.place(next);
        if (instruction.region() != null) {
          stateRegions.put(next, instruction.region());
          routes.computeIfAbsent(instruction.region(), exits::exception);
        }
        next++;
      }
    }
  }

  void mark(Label label) {
    emit(new Instruction.Mark(null, label));
  }

  /** The try-statement part that instructions emitted now run in (null at top level). */
  TryRegion.RegionPart region() {
    return region;
  }

  void setRegion(TryRegion.RegionPart region) {
    this.region = region;
  }

  Slot parameter(VariableElement parameter) {
    Slot slot = new Slot(unique(parameter.getSimpleName().toString()), parameter.asType(), parameter, Slot.Role.PARAMETER, 0);
    parameters.add(slot);
    slots.put(parameter, slot);
    return slot;
  }

  /** Moves a local variable into a field of the state machine. */
  Slot lift(VariableElement variable, TreePath declaration) {
    return lift(variable, declaration, variable.asType());
  }

  /** Moves a local variable into a field of type {@code type} (a multi-catch parameter's superclass). */
  Slot lift(VariableElement variable, TreePath declaration, TypeMirror type) {
    String name = variable.getSimpleName().toString();
    // Java 22's unnamed variable `_` cannot be a field's name (and nothing refers to it).
    Slot slot = new Slot(unique(name.equals("_") || name.isEmpty() ? "unnamed" : name), type, variable, Slot.Role.LOCAL, line(declaration));
    locals.add(slot);
    slots.put(variable, slot);
    return slot;
  }

  /**
   * Moves a pattern variable into a field. The pattern itself then binds {@link Slot#patternName},
   * reserved here, and copies it into the field as soon as it matches.
   */
  Slot liftBinding(VariableElement variable, TreePath declaration) {
    Slot slot = lift(variable, declaration);
    usedNames.add(slot.patternName());
    return slot;
  }

  /** A new synthetic field, named {@code purpose$n}. */
  Slot synthetic(String purpose, TypeMirror type) {
    Slot slot = new Slot(unique(purpose + "$" + syntheticCount++), type, null, Slot.Role.SYNTHETIC, 0);
    locals.add(slot);
    return slot;
  }

  /** Evaluates {@code value} now into a new synthetic field, and returns that field. */
  Code spill(TreePath origin, Code value, TypeMirror type) {
    Slot slot = synthetic("tmp", type);
    emit(new Instruction.Run(origin, Code.of(Code.assign(slot, value), ";")));
    return Code.of(slot);
  }

  private String unique(String name) {
    String candidate = name;
    for (int n = 1; !usedNames.add(candidate); n++) {
      candidate = name + "$" + n;
    }
    return candidate;
  }

  private int line(TreePath path) {
    long start = trees.getSourcePositions().getStartPosition(unit, path.getLeaf());
    return start < 0 ? 0 : (int) unit.getLineMap().getLineNumber(start);
  }
}
