package io.gevent4j.processor.lowering;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Finds the lifted locals that the lambdas and classes of one instruction capture. A closure
 * must capture the value of the current loop iteration, not the field that later iterations
 * overwrite, so the instruction runs with final copies of these (Roslyn's and Kotlin's closures
 * of hoisted locals have the same problem).
 */
final class Captures {
  private final Trees trees;
  private final Map<VariableElement, Slot> slots;

  Captures(Trees trees, Map<VariableElement, Slot> slots) {
    this.trees = trees;
    this.slots = slots;
  }

  List<Slot> of(Instruction instruction) {
    List<TreePath> roots = new ArrayList<>();
    if (instruction instanceof Instruction.Verbatim) {
      roots.add(((Instruction.Verbatim) instruction).statement());
    } else if (instruction instanceof Instruction.Run) {
      addTrees(((Instruction.Run) instruction).statement(), roots);
    } else if (instruction instanceof Instruction.Branch) {
      addTrees(((Instruction.Branch) instruction).condition(), roots);
    } else if (instruction instanceof Instruction.Return && ((Instruction.Return) instruction).value() != null) {
      addTrees(((Instruction.Return) instruction).value(), roots);
    } else if (instruction instanceof Instruction.Throw) {
      addTrees(((Instruction.Throw) instruction).exception(), roots);
    }
    return roots.isEmpty() ? new ArrayList<>() : capturedUnder(roots);
  }

  private static void addTrees(Code code, List<TreePath> roots) {
    for (Object part : code.parts()) {
      if (part instanceof TreePath) {
        roots.add((TreePath) part);
      } else if (part instanceof Code.Effect) {
        roots.add(((Code.Effect) part).path());
      } else if (part instanceof Code.Substituted) {
        roots.add(((Code.Substituted) part).path());
      } else if (part instanceof Code.Assignment) {
        addTrees(((Code.Assignment) part).target(), roots);
        addTrees(((Code.Assignment) part).value(), roots);
      } else if (part instanceof Code.Field && ((Code.Field) part).object() != null) {
        addTrees(((Code.Field) part).object(), roots);
      } else if (part instanceof Code.Step) {
        addTrees(((Code.Step) part).location(), roots);
      }
    }
  }

  private List<Slot> capturedUnder(List<TreePath> roots) {
    Map<Element, Slot> captured = new LinkedHashMap<>();
    for (TreePath root : roots) {
      new TreePathScanner<Void, Boolean>() {
        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Boolean inClosure) {
          return super.visitLambdaExpression(node, true);
        }

        @Override
        public Void visitClass(ClassTree node, Boolean inClosure) {
          return super.visitClass(node, true);
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Boolean inClosure) {
          Element element = trees.getElement(getCurrentPath());
          if (Boolean.TRUE.equals(inClosure) && element instanceof VariableElement) {
            Slot slot = slots.get(element);
            // A constant's field is final and keeps the constant: copying it would lose constness.
            if (slot != null && slot.role() == Slot.Role.LOCAL && slot.constant() == null) {
              captured.put(element, slot);
            }
          }
          return null;
        }
      }.scan(root, false);
    }
    return new ArrayList<>(captured.values());
  }
}
