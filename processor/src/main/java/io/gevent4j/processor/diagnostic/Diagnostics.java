package io.gevent4j.processor.diagnostic;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/**
 * Reports diagnostics at a tree's exact position, or on an element, and counts errors so that a
 * method with errors is never emitted (AutoValue's ErrorReporter).
 */
public final class Diagnostics {
  private final Messager messager;
  private final Trees trees;
  private int errorCount;

  public Diagnostics(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** Reports {@code message} at {@code tree} in {@code unit}. */
  public void report(Message message, Tree tree, CompilationUnitTree unit, Object... arguments) {
    count(message);
    trees.printMessage(message.kind(), message.format(arguments), tree, unit);
  }

  /** Reports {@code message} on {@code element}. */
  public void report(Message message, Element element, Object... arguments) {
    count(message);
    messager.printMessage(message.kind(), message.format(arguments), element);
  }

  /** Reports an error at {@code tree} and stops processing the current method. */
  public AbortCoroutineException abort(Message message, Tree tree, CompilationUnitTree unit, Object... arguments) {
    report(message, tree, unit, arguments);
    return new AbortCoroutineException();
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errorCount;
  }

  private void count(Message message) {
    if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
      errorCount++;
    }
  }
}
