package io.gevent4j.processor.lowering;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.javac.TreeCompat;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Lowers a {@code switch} whose cases suspend, statement or expression: the selector is
 * evaluated once into a field, a dispatch jumps to the matching case's state, classic cases fall
 * through by adjacency and rules ({@code case X ->}) jump to the end. A switch expression's arms
 * and {@code yield}s store its value into a field, then leave for its end.
 */
final class SwitchLowerer {
  private final LoweringContext context;
  private final Types types;
  private final ExpressionLowerer expressions;
  private final Consumer<TreePath> statements;

  SwitchLowerer(LoweringContext context, Types types, ExpressionLowerer expressions, Consumer<TreePath> statements) {
    this.context = context;
    this.types = types;
    this.expressions = expressions;
    this.statements = statements;
  }

  /** A switch statement; {@code breakTargets} learns where its {@code break}s go. */
  void statement(TreePath path, SwitchTree tree, Map<Tree, Label> breakTargets) {
    Label exit = new Label("end of switch");
    breakTargets.put(tree, exit);
    List<Label> bodies = dispatch(path, tree.getExpression(), tree.getCases(), exit);
    for (int i = 0; i < tree.getCases().size(); i++) {
      CaseTree caseTree = tree.getCases().get(i);
      TreePath casePath = new TreePath(path, caseTree);
      context.mark(bodies.get(i));
      if (TreeCompat.isRule(caseTree)) {
        Tree body = TreeCompat.ruleBody(caseTree);
        if (body instanceof ExpressionTree) {
          expressions.effect(new TreePath(casePath, body));
        } else {
          statements.accept(new TreePath(casePath, body));
        }
        context.emit(new Instruction.Jump(casePath, exit)); // rules do not fall through
      } else {
        caseStatements(casePath, caseTree);
      }
    }
    context.mark(exit);
  }

  /** A switch expression: returns its value, held in a field. */
  Code expression(TreePath path) {
    Tree tree = path.getLeaf();
    TypeMirror type = context.trees.getTypeMirror(path);
    Slot result = context.synthetic("switch", type);
    Label end = new Label("end of switch expression");
    context.yieldTargets.put(tree, new LoweringContext.YieldTarget(result, type, end));
    Label unmatched = new Label("no case matched");
    List<? extends CaseTree> cases = TreeCompat.switchExpressionCases(tree);
    List<Label> bodies = dispatch(path, TreeCompat.switchExpressionSelector(tree), cases, unmatched);
    for (int i = 0; i < cases.size(); i++) {
      CaseTree caseTree = cases.get(i);
      TreePath casePath = new TreePath(path, caseTree);
      context.mark(bodies.get(i));
      Tree body = TreeCompat.isRule(caseTree) ? TreeCompat.ruleBody(caseTree) : null;
      if (body instanceof ExpressionTree) {
        expressions.assign(Code.of(result), type, new TreePath(casePath, body));
        context.emit(new Instruction.Jump(casePath, end));
      } else if (body != null) {
        statements.accept(new TreePath(casePath, body));
      } else {
        caseStatements(casePath, caseTree);
      }
    }
    // An exhaustive enum switch without default, given a constant added since: javac's own error.
    context.mark(unmatched);
    context.emit(new Instruction.Throw(path, Code.of("new ", incompatibleClassChange(), "()")));
    context.mark(end);
    return Code.of(result);
  }

  private TypeMirror incompatibleClassChange() {
    return context.elements.getTypeElement("java.lang.IncompatibleClassChangeError").asType();
  }

  private void caseStatements(TreePath casePath, CaseTree caseTree) {
    for (StatementTree statement : caseTree.getStatements()) {
      statements.accept(new TreePath(casePath, statement));
    }
  }

  /**
   * Evaluates the selector into a field and emits the jump to each case; returns the label of
   * each case's body, in order. Without a {@code default}, no match goes to {@code otherwise}.
   */
  private List<Label> dispatch(TreePath path, ExpressionTree selectorTree, List<? extends CaseTree> cases, Label otherwise) {
    TreePath selectorPath = new TreePath(path, selectorTree);
    TypeMirror selectorType = context.trees.getTypeMirror(selectorPath);
    Slot selector = context.synthetic("selector", selectorType);
    expressions.assign(Code.of(selector), selectorType, selectorPath);
    List<TreePath> constants = new ArrayList<>();
    List<Label> targets = new ArrayList<>();
    List<Label> bodies = new ArrayList<>();
    for (CaseTree caseTree : cases) {
      if (TreeCompat.matchesByPattern(caseTree)) {
        return patternDispatch(path, selector, cases);
      }
    }
    Label noMatch = otherwise;
    for (CaseTree caseTree : cases) {
      Label body = new Label("case");
      bodies.add(body);
      List<? extends ExpressionTree> labels = TreeCompat.labels(caseTree);
      if (labels.isEmpty()) {
        noMatch = body;
      }
      for (ExpressionTree label : labels) {
        constants.add(new TreePath(new TreePath(path, caseTree), label));
        targets.add(body);
      }
    }
    boolean enumSwitch = selectorType.getKind() == TypeKind.DECLARED
        && types.asElement(selectorType).getKind() == ElementKind.ENUM;
    if (enumSwitch && Declarations.isHidden(types.asElement(selectorType))) {
      // A private enum is held as an Object: the switch is on its ordinal (null throws, as Java's).
      javax.lang.model.type.DeclaredType anyEnum = types.getDeclaredType(context.elements.getTypeElement("java.lang.Enum"),
          types.getWildcardType(null, null));
      context.emit(new Instruction.Switch(path, Code.of("((", anyEnum, ") ", selector, ").ordinal()"), constants, targets,
          noMatch, Instruction.Switch.Labels.ENUM_ORDINALS));
    } else {
      context.emit(new Instruction.Switch(path, Code.of(selector), constants, targets, noMatch,
          enumSwitch ? Instruction.Switch.Labels.ENUM_NAMES : Instruction.Switch.Labels.AS_WRITTEN));
    }
    return bodies;
  }

  /**
   * A switch with patterns, guards or {@code case null} (Java 21): the cases are tried in order,
   * as Java does ({@code sel instanceof P && guard}, {@code sel == null}, {@code Objects.equals(sel,
   * C)}, {@code sel == E.C}), each guard evaluated (and suspending) only once its pattern matched;
   * a null selector without {@code case null} throws {@code NullPointerException}, and no match
   * {@code MatchException}, as Java's own switch does.
   */
  private List<Label> patternDispatch(TreePath path, Slot selector, List<? extends CaseTree> cases) {
    boolean caseNull = false;
    for (CaseTree caseTree : cases) {
      for (Tree label : TreeCompat.caseLabels(caseTree)) {
        Tree content = TreeCompat.labelContent(label);
        caseNull |= content.getKind() == Tree.Kind.NULL_LITERAL;
      }
    }
    if (!caseNull) {
      context.emit(new Instruction.Run(path, Code.of(objects(), ".requireNonNull(", selector, ");")));
    }
    List<Label> bodies = new ArrayList<>();
    Label fallback = null;
    for (CaseTree caseTree : cases) {
      Label body = new Label("case");
      bodies.add(body);
      TreePath casePath = new TreePath(path, caseTree);
      ExpressionTree guard = TreeCompat.guard(caseTree);
      for (Tree label : TreeCompat.caseLabels(caseTree)) {
        TreeCompat.LabelKind kind = TreeCompat.labelKind(label);
        if (kind == TreeCompat.LabelKind.DEFAULT) {
          fallback = body;
          continue;
        }
        TreePath content = new TreePath(new TreePath(casePath, label), TreeCompat.labelContent(label));
        Label next = new Label("next case");
        context.emit(new Instruction.Branch(casePath, matches(selector, content, kind), next));
        if (guard != null) {
          context.emit(new Instruction.Branch(casePath, expressions.value(new TreePath(casePath, guard)), next));
        }
        context.emit(new Instruction.Jump(casePath, body));
        context.mark(next);
      }
    }
    if (fallback != null) {
      context.emit(new Instruction.Jump(path, fallback));
    } else {
      context.emit(new Instruction.Throw(path, matchFailure()));
    }
    return bodies;
  }

  /** Whether the selector matches one label: a pattern (binding its variables), null, or a constant. */
  private Code matches(Slot selector, TreePath content, TreeCompat.LabelKind kind) {
    Tree tree = content.getLeaf();
    if (kind == TreeCompat.LabelKind.PATTERN) {
      List<Object> parts = new ArrayList<>();
      parts.add("(");
      parts.add(selector);
      parts.add(" instanceof ");
      parts.add(Code.asWritten(content));
      for (Slot binding : liftedBindings(content)) {
        // The pattern binds binding$; the field takes its value as soon as it matched.
        parts.add(Code.of(" && ((", binding, " = " + binding.patternName() + ") == ", binding, " || true)"));
      }
      parts.add(")");
      return Code.of(parts.toArray());
    }
    if (tree.getKind() == Tree.Kind.NULL_LITERAL) {
      return Code.of(selector, " == null");
    }
    javax.lang.model.element.Element constant = context.trees.getElement(content);
    if (constant != null && constant.getKind() == ElementKind.ENUM_CONSTANT) {
      return Code.of(selector, " == ", types.erasure(constant.getEnclosingElement().asType()), "." + constant.getSimpleName());
    }
    return Code.of(objects(), ".equals(", selector, ", ", content, ")");
  }

  private List<Slot> liftedBindings(TreePath pattern) {
    List<Slot> bindings = new ArrayList<>();
    new com.sun.source.util.TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(com.sun.source.tree.VariableTree node, Void unused) {
        javax.lang.model.element.Element element = context.trees.getElement(getCurrentPath());
        Slot slot = element == null ? null : context.slots.get(element);
        if (slot != null) {
          bindings.add(slot);
        }
        return super.visitVariable(node, unused);
      }
    }.scan(pattern, null);
    return bindings;
  }

  private TypeMirror objects() {
    return context.elements.getTypeElement("java.util.Objects").asType();
  }

  /** {@code new MatchException(null, null)} (Java 21, where patterns in switches are); else what older switches threw. */
  private Code matchFailure() {
    javax.lang.model.element.TypeElement match = context.elements.getTypeElement("java.lang.MatchException");
    return match != null ? Code.of("new ", match.asType(), "(null, null)") : Code.of("new ", incompatibleClassChange(), "()");
  }
}
