package io.gevent4j.processor.lowering;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Finds the lowered locals whose values never survive a suspension, so that they need no field:
 * every instruction naming one lies in one state segment (no {@code case} label and no
 * suspension between them, so control reaches them in order from the first), a suspension names
 * it only in its call (the receiver and arguments, evaluated before it suspends), not as the
 * target of its result, no closure captures it, and its name clashes with no other variable of the body.
 * Such a local becomes a Java local of {@code resume$()}, declared right before its first use;
 * one no reachable instruction names disappears.
 */
final class SegmentLocals {
  private final Trees trees;
  private final Map<VariableElement, Slot> slots;
  /** Each candidate's segment and first instruction, until it is ruled out. */
  private final Map<Slot, Instruction> first = new LinkedHashMap<>();
  private final Map<Slot, Integer> segments = new HashMap<>();
  private final Set<Slot> ruledOut = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  SegmentLocals(Trees trees, Map<VariableElement, Slot> slots) {
    this.trees = trees;
    this.slots = slots;
  }

  /** What {@link #find} decided: the locals declared before each instruction, and those that stay fields. */
  static final class Plan {
    final Map<Instruction, List<Slot>> declarations = new IdentityHashMap<>();
    final List<Slot> fields = new ArrayList<>();
  }

  /**
   * Splits {@code locals} (in order) into fields and Java locals; only {@code candidates} (plain
   * local declarations) may become the latter.
   */
  Plan find(List<Instruction> instructions, List<Slot> locals, Set<Slot> candidates, DeclaredNames names) {
    int segment = 0;
    for (Instruction instruction : instructions) {
      if (instruction instanceof Instruction.Mark) {
        segment++;
        continue;
      }
      ruledOut.addAll(instruction.captured());
      if (instruction instanceof Instruction.Suspend) {
        // the call is evaluated in this segment, before it may suspend; its result's target is
        // written on both sides of the suspension, so it must be a field
        Instruction.Suspend suspend = (Instruction.Suspend) instruction;
        use(named(InstructionCode.callOf(suspend)), instruction, segment);
        ruledOut.addAll(named(InstructionCode.targetOf(suspend)));
        segment++;
      } else {
        use(named(new InstructionCode(instruction)), instruction, segment);
      }
    }
    Plan plan = new Plan();
    for (Slot slot : locals) {
      if (!candidates.contains(slot) || ruledOut.contains(slot) || !names.onlyOwn(slot)) {
        plan.fields.add(slot);
      } else if (first.containsKey(slot)) {
        plan.declarations.computeIfAbsent(first.get(slot), unused -> new ArrayList<>()).add(slot);
      }
    }
    return plan;
  }

  /** Records that {@code instruction}, in {@code segment}, names {@code slots}. */
  private void use(List<Slot> slots, Instruction instruction, int segment) {
    for (Slot slot : slots) {
      if (first.putIfAbsent(slot, instruction) == null) {
        segments.put(slot, segment);
      } else if (segments.get(slot) != segment) {
        ruledOut.add(slot);
      }
    }
  }

  /** The slots some of an instruction's code names: in its lowered code, and through the source it prints. */
  private List<Slot> named(InstructionCode code) {
    List<Slot> named = new ArrayList<>(code.slots);
    for (TreePath tree : code.trees) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          Element element = trees.getElement(getCurrentPath());
          Slot slot = element instanceof VariableElement ? slots.get(element) : null;
          if (slot != null) {
            named.add(slot);
          }
          return null;
        }
      }.scan(tree, null);
    }
    return named;
  }
}
