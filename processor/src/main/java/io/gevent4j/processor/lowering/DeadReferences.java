package io.gevent4j.processor.lowering;

import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Slot;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference fields of plain locals that are dead at each suspension, so that a sleeping frame
 * drops them (Kotlin's cleanup of spilled variables): a field is dead where no local it holds is
 * in scope, since Java reads a local only after assigning it in the same entry into its scope.
 */
final class DeadReferences {
  private DeadReferences() {}

  /**
   * For each suspension of {@code instructions}, the fields to null before it; {@code positions}
   * gives each instruction's index in the list the {@code scopes} count in.
   */
  static Map<Instruction, List<Slot>> find(List<Instruction> instructions, Map<Instruction, Integer> positions,
      List<Slot> fields, List<Slot> sharing, LocalScopes scopes) {
    Map<String, List<Slot>> holders = new LinkedHashMap<>();
    for (Slot field : fields) {
      if (scopes.slots().contains(field) && !field.type().getKind().isPrimitive()) {
        holders.put(field.name(), new ArrayList<>());
      }
    }
    for (Slot slot : sharing) {
      List<Slot> held = holders.get(slot.name());
      if (held != null) {
        held.add(slot);
      }
    }
    Map<Instruction, List<Slot>> dead = new IdentityHashMap<>();
    for (Instruction instruction : instructions) {
      if (!(instruction instanceof Instruction.Suspend)) {
        continue;
      }
      int at = positions.get(instruction);
      for (Slot field : fields) {
        List<Slot> held = holders.get(field.name());
        if (held != null && held.stream().noneMatch(slot -> scopes.start(slot) <= at && at < scopes.end(slot))) {
          dead.computeIfAbsent(instruction, unused -> new ArrayList<>()).add(field);
        }
      }
    }
    return dead;
  }
}
