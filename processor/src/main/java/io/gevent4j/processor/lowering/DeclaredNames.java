package io.gevent4j.processor.lowering;

import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.gevent4j.processor.model.Slot;
import java.util.HashMap;
import java.util.Map;

/** How many variables of each name a body declares (locals, lambda, catch and pattern variables). */
final class DeclaredNames {
  private final Map<String, Integer> counts = new HashMap<>();

  DeclaredNames(TreePath body) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        counts.merge(node.getName().toString(), 1, Integer::sum);
        return super.visitVariable(node, null);
      }
    }.scan(body, null);
  }

  /**
   * Whether no variable of the body but {@code slot}'s own is named as its field: no printed
   * declaration, lambda parameter or copy can then hide a Java local or shared field of that name.
   */
  boolean onlyOwn(Slot slot) {
    boolean own = slot.variable() != null && slot.name().contentEquals(slot.variable().getSimpleName());
    return counts.getOrDefault(slot.name(), 0) == (own ? 1 : 0);
  }
}
