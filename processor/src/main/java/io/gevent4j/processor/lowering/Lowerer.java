package io.gevent4j.processor.lowering;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.SuspensionFinder;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.CoroutineMethod;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.SuspensionPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a validated coroutine body into a flat list of {@link Instruction}s (regenerator's
 * "explode" step): statements that contain a suspension point become labels, jumps and branches;
 * statements without one are kept whole. Locals declared at a lowered level move into slots.
 */
public final class Lowerer {
  private final Trees trees;
  private final Types types;
  private final Elements elements;

  public Lowerer(Trees trees, Types types, Elements elements) {
    this.trees = trees;
    this.types = types;
    this.elements = elements;
  }

  /** Lowers the method at {@code methodPath}, whose suspension points are {@code found}. */
  public CoroutineMethod lower(TreePath methodPath, SuspensionFinder.Result found) {
    return new Run(methodPath, found).lower();
  }

  /** The state of one lowering. */
  private final class Run {
    private final TreePath methodPath;
    private final MethodTree method;
    private final CompilationUnitTree unit;
    private final SuspensionFinder.Result found;
    private final List<Instruction> out = new ArrayList<>();
    private final List<Slot> parameters = new ArrayList<>();
    private final List<Slot> locals = new ArrayList<>();
    private final Map<VariableElement, Slot> slots = new LinkedHashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<Tree, Label> breakTargets = new IdentityHashMap<>();
    private final Map<Tree, Label> continueTargets = new IdentityHashMap<>();
    private int syntheticCount;

    Run(TreePath methodPath, SuspensionFinder.Result found) {
      this.methodPath = methodPath;
      this.method = (MethodTree) methodPath.getLeaf();
      this.unit = methodPath.getCompilationUnit();
      this.found = found;
    }

    CoroutineMethod lower() {
      ExecutableElement element = (ExecutableElement) trees.getElement(methodPath);
      for (VariableElement parameter : element.getParameters()) {
        Slot slot = new Slot(unique(parameter.getSimpleName().toString()), parameter.asType(), parameter, Slot.Role.PARAMETER, 0);
        parameters.add(slot);
        slots.put(parameter, slot);
      }
      statement(new TreePath(methodPath, method.getBody()));
      return new CoroutineMethod(element, method, unit, parameters, locals, slots, out, breakTargets, continueTargets);
    }

    private void statement(TreePath path) {
      Tree tree = path.getLeaf();
      if (tree.getKind() == Tree.Kind.VARIABLE) {
        declaration(path, (VariableTree) tree);
        return;
      }
      if (!found.suspends(tree)) {
        out.add(new Instruction.Verbatim(path));
        return;
      }
      switch (tree.getKind()) {
        case BLOCK:
          for (StatementTree child : ((BlockTree) tree).getStatements()) {
            statement(new TreePath(path, child));
          }
          break;
        case EXPRESSION_STATEMENT:
          expressionStatement(path, (ExpressionStatementTree) tree);
          break;
        case RETURN:
          returnStatement(path, (ReturnTree) tree);
          break;
        case IF:
          ifStatement(path, (IfTree) tree);
          break;
        case WHILE_LOOP:
          whileLoop(path, (WhileLoopTree) tree);
          break;
        case DO_WHILE_LOOP:
          doWhileLoop(path, (DoWhileLoopTree) tree);
          break;
        case FOR_LOOP:
          forLoop(path, (ForLoopTree) tree);
          break;
        case ENHANCED_FOR_LOOP:
          enhancedForLoop(path, (EnhancedForLoopTree) tree);
          break;
        case LABELED_STATEMENT:
          labeled(path, (LabeledStatementTree) tree);
          break;
        default:
          throw new IllegalStateException("validation let through a suspension in a " + tree.getKind());
      }
    }

    private void declaration(TreePath path, VariableTree tree) {
      VariableElement variable = (VariableElement) trees.getElement(path);
      Slot slot = lift(variable, path);
      ExpressionTree initializer = tree.getInitializer();
      if (initializer == null) {
        return;
      }
      TreePath initPath = new TreePath(path, initializer);
      SuspensionPoint point = found.pointAt(initializer);
      if (point != null) {
        suspend(path, point, Code.of(slot));
      } else if (initializer.getKind() == Tree.Kind.NEW_ARRAY && ((NewArrayTree) initializer).getType() == null) {
        out.add(new Instruction.Run(path, Code.of(slot, " = new ", slot.type(), " ", initPath, ";")));
      } else {
        out.add(new Instruction.Run(path, Code.of(slot, " = ", initPath, ";")));
      }
    }

    private void expressionStatement(TreePath path, ExpressionStatementTree tree) {
      ExpressionTree expression = skipParentheses(tree.getExpression());
      SuspensionPoint point = found.pointAt(expression);
      if (point != null) {
        suspend(path, point, null);
        return;
      }
      AssignmentTree assignment = (AssignmentTree) expression;
      TreePath assignmentPath = new TreePath(path, assignment);
      suspend(path, found.pointAt(assignment.getExpression()), Code.of(new TreePath(assignmentPath, assignment.getVariable())));
    }

    private void returnStatement(TreePath path, ReturnTree tree) {
      TypeMirror returnType = ((ExecutableElement) trees.getElement(methodPath)).getReturnType();
      Slot result = synthetic("result", returnType);
      suspend(path, found.pointAt(tree.getExpression()), Code.of(result));
      out.add(new Instruction.Return(path, Code.of(result)));
    }

    private void ifStatement(TreePath path, IfTree tree) {
      Label otherwise = new Label("else");
      out.add(new Instruction.Branch(path, Code.of(new TreePath(path, tree.getCondition())), otherwise));
      statement(new TreePath(path, tree.getThenStatement()));
      if (tree.getElseStatement() == null) {
        mark(otherwise);
        return;
      }
      Label end = new Label("end of if");
      out.add(new Instruction.Jump(path, end));
      mark(otherwise);
      statement(new TreePath(path, tree.getElseStatement()));
      mark(end);
    }

    private void whileLoop(TreePath path, WhileLoopTree tree) {
      Label head = new Label("while");
      Label exit = new Label("end of while");
      loopTargets(path, exit, head);
      mark(head);
      out.add(new Instruction.Branch(path, Code.of(new TreePath(path, tree.getCondition())), exit));
      statement(new TreePath(path, tree.getStatement()));
      out.add(new Instruction.Jump(path, head));
      mark(exit);
    }

    private void doWhileLoop(TreePath path, DoWhileLoopTree tree) {
      Label body = new Label("do");
      Label condition = new Label("do condition");
      Label exit = new Label("end of do");
      loopTargets(path, exit, condition);
      mark(body);
      statement(new TreePath(path, tree.getStatement()));
      mark(condition);
      out.add(new Instruction.Branch(path, Code.of(new TreePath(path, tree.getCondition())), exit));
      out.add(new Instruction.Jump(path, body));
      mark(exit);
    }

    private void forLoop(TreePath path, ForLoopTree tree) {
      for (StatementTree init : tree.getInitializer()) {
        statement(new TreePath(path, init));
      }
      Label head = new Label("for");
      Label update = new Label("for update");
      Label exit = new Label("end of for");
      loopTargets(path, exit, update);
      mark(head);
      if (tree.getCondition() != null) {
        out.add(new Instruction.Branch(path, Code.of(new TreePath(path, tree.getCondition())), exit));
      }
      statement(new TreePath(path, tree.getStatement()));
      mark(update);
      for (StatementTree step : tree.getUpdate()) {
        statement(new TreePath(path, step));
      }
      out.add(new Instruction.Jump(path, head));
      mark(exit);
    }

    private void enhancedForLoop(TreePath path, EnhancedForLoopTree tree) {
      TreePath variablePath = new TreePath(path, tree.getVariable());
      Slot variable = lift((VariableElement) trees.getElement(variablePath), variablePath);
      TreePath iterablePath = new TreePath(path, tree.getExpression());
      TypeMirror iterableType = trees.getTypeMirror(iterablePath);
      Label head = new Label("for each");
      Label exit = new Label("end of for each");
      loopTargets(path, exit, head);
      if (iterableType.getKind() == TypeKind.ARRAY) {
        Slot array = synthetic("array", iterableType);
        Slot index = synthetic("index", types.getPrimitiveType(TypeKind.INT));
        out.add(new Instruction.Run(path, Code.of(array, " = ", iterablePath, ";")));
        out.add(new Instruction.Run(path, Code.of(index, " = 0;")));
        mark(head);
        out.add(new Instruction.Branch(path, Code.of(index, " < ", array, ".length"), exit));
        out.add(new Instruction.Run(path, Code.of(variable, " = ", array, "[", index, "++];")));
      } else {
        TypeMirror element = variable.type().getKind().isPrimitive()
            ? types.boxedClass(types.getPrimitiveType(variable.type().getKind())).asType() : variable.type();
        TypeElement iteratorType = elements.getTypeElement("java.util.Iterator");
        Slot iterator = synthetic("iterator", types.getDeclaredType(iteratorType, types.getWildcardType(element, null)));
        out.add(new Instruction.Run(path, Code.of(iterator, " = ", iterablePath, ".iterator();")));
        mark(head);
        out.add(new Instruction.Branch(path, Code.of(iterator, ".hasNext()"), exit));
        out.add(new Instruction.Run(path, Code.of(variable, " = ", iterator, ".next();")));
      }
      statement(new TreePath(path, tree.getStatement()));
      out.add(new Instruction.Jump(path, head));
      mark(exit);
    }

    private void labeled(TreePath path, LabeledStatementTree tree) {
      Label exit = new Label("end of " + tree.getLabel());
      breakTargets.put(tree, exit);
      statement(new TreePath(path, tree.getStatement()));
      mark(exit);
    }

    private void loopTargets(TreePath loop, Label exit, Label next) {
      breakTargets.put(loop.getLeaf(), exit);
      continueTargets.put(loop.getLeaf(), next);
    }

    private void suspend(TreePath statement, SuspensionPoint point, Code target) {
      TypeMirror resultType = trees.getTypeMirror(point.call());
      out.add(new Instruction.Suspend(statement, point, target, resultType, new Label("after " + point.method().getSimpleName())));
    }

    private void mark(Label label) {
      out.add(new Instruction.Mark(null, label));
    }

    private Slot lift(VariableElement variable, TreePath declaration) {
      Slot slot = new Slot(unique(variable.getSimpleName().toString()), variable.asType(), variable, Slot.Role.LOCAL, line(declaration));
      locals.add(slot);
      slots.put(variable, slot);
      return slot;
    }

    private Slot synthetic(String purpose, TypeMirror type) {
      Slot slot = new Slot(unique(purpose + "$" + syntheticCount++), type, null, Slot.Role.SYNTHETIC, 0);
      locals.add(slot);
      return slot;
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

  static ExpressionTree skipParentheses(ExpressionTree expression) {
    while (expression instanceof ParenthesizedTree) {
      expression = ((ParenthesizedTree) expression).getExpression();
    }
    return expression;
  }
}
