package io.gevent4j.processor.model;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * A fragment of generated Java built by lowering, independent of how it is printed: text, source
 * expressions ({@link TreePath}), types ({@link TypeMirror}), {@link Slot} references and
 * {@link Label} state numbers.
 */
public final class Code {
  private final List<Object> parts;

  private Code(List<Object> parts) {
    this.parts = Collections.unmodifiableList(parts);
  }

  /** Concatenates {@code parts}: strings, tree paths, types, slots, labels and other codes. */
  public static Code of(Object... parts) {
    List<Object> flat = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Code) {
        flat.addAll(((Code) part).parts);
      } else if (part instanceof String || part instanceof TreePath || part instanceof TypeMirror
          || part instanceof Slot || part instanceof Label) {
        flat.add(part);
      } else {
        throw new IllegalArgumentException("not a code part: " + part);
      }
    }
    return new Code(flat);
  }

  public List<Object> parts() {
    return parts;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      out.append(part instanceof TreePath ? ((TreePath) part).getLeaf() : part);
    }
    return out.toString();
  }
}
