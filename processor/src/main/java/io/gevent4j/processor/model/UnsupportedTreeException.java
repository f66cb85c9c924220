package io.gevent4j.processor.model;

import com.sun.source.tree.Tree;

/** Thrown by the printer for a construct it cannot print yet; reported as an error at the tree. */
public final class UnsupportedTreeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Tree tree;

  public UnsupportedTreeException(Tree tree, String what) {
    super(what, null, false, false);
    this.tree = tree;
  }

  /** The tree that could not be printed. */
  public Tree tree() {
    return tree;
  }

  /** What the construct is, for the message: "a switch expression". */
  public String what() {
    return getMessage();
  }
}
