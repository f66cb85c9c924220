package io.gevent4j.processor.lowering;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
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
    List<TreePath> roots = new InstructionCode(instruction).trees;
    return roots.isEmpty() ? new ArrayList<>() : capturedUnder(roots);
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
