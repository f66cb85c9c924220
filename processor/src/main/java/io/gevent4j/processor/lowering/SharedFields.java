package io.gevent4j.processor.lowering;

import io.gevent4j.processor.model.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.util.Types;

/**
 * Typed slot reuse: plain locals of the same type whose scopes (declaration to the end of the
 * enclosing statement, in instruction order) do not overlap share one field, as Roslyn pools its
 * hoisted fields by type. Control never goes from one scope back into the middle of an earlier
 * one (Java jumps only outward, and a loop holds every scope it re-enters), so a value never
 * outlives its scope in the field. The shared field keeps the first local's name, which must be
 * the only variable of that name in the body, so that no printed declaration hides it.
 */
final class SharedFields {
  private final Types types;

  SharedFields(Types types) {
    this.types = types;
  }

  /**
   * Returns {@code fields} without the slots that now share an earlier one's field; only slots
   * with a scope take part, and only one that {@code declaredOnce} accepts lends its field.
   */
  List<Slot> share(List<Slot> fields, LocalScopes scopes, java.util.function.Predicate<Slot> declaredOnce) {
    List<Slot> sharing = new ArrayList<>();
    for (Slot slot : fields) {
      if (scopes.slots().contains(slot)) {
        sharing.add(slot);
      }
    }
    sharing.sort(Comparator.comparingInt(scopes::start));
    Map<Slot, Integer> freeFrom = new LinkedHashMap<>(); // by the owner of each shared field: where its last scope ends
    Map<Slot, Slot> owners = new HashMap<>();
    for (Slot slot : sharing) {
      Slot owner = null;
      for (Map.Entry<Slot, Integer> field : freeFrom.entrySet()) {
        if (field.getValue() <= scopes.start(slot) && types.isSameType(field.getKey().type(), slot.type())) {
          owner = field.getKey();
          break;
        }
      }
      if (owner == null) {
        if (declaredOnce.test(slot)) {
          freeFrom.put(slot, scopes.end(slot));
        }
      } else {
        owners.put(slot, owner);
        freeFrom.put(owner, scopes.end(slot));
      }
    }
    List<Slot> remaining = new ArrayList<>();
    for (Slot slot : fields) {
      Slot owner = owners.get(slot);
      if (owner == null) {
        remaining.add(slot);
      } else {
        slot.shareFieldOf(owner);
      }
    }
    return remaining;
  }
}
