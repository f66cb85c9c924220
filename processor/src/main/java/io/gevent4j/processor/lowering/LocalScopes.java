package io.gevent4j.processor.lowering;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.gevent4j.processor.model.Slot;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The plain local declarations lowered into slots, and where each one's scope starts and ends in
 * the instruction list (before unreachable instructions are dropped, which keeps the order).
 */
final class LocalScopes {
  private final Map<Slot, TreePath> declarations = new LinkedHashMap<>();
  private final Map<Slot, Integer> starts = new IdentityHashMap<>();
  /** How many instructions there were when each lowered statement was done. */
  private final Map<Tree, Integer> ends = new IdentityHashMap<>();

  /** {@code slot} is declared by {@code declaration}, whose instructions start at {@code start}. */
  void declared(Slot slot, TreePath declaration, int start) {
    declarations.put(slot, declaration);
    starts.put(slot, start);
  }

  /** The instructions of {@code statement} end before {@code end}. */
  void lowered(Tree statement, int end) {
    ends.put(statement, end);
  }

  /** The slots of plain local declarations: those that have a scope. */
  Set<Slot> slots() {
    return declarations.keySet();
  }

  /** Where {@code slot}'s scope starts: at its declaration. */
  int start(Slot slot) {
    return starts.get(slot);
  }

  /** Where {@code slot}'s scope ends: with the innermost lowered statement holding its declaration. */
  int end(Slot slot) {
    TreePath enclosing = declarations.get(slot).getParentPath();
    while (!ends.containsKey(enclosing.getLeaf())) {
      enclosing = enclosing.getParentPath();
    }
    return ends.get(enclosing.getLeaf());
  }
}
