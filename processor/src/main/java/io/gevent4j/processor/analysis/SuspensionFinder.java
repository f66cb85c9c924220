package io.gevent4j.processor.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.model.CallKind;
import io.gevent4j.processor.model.SuspensionPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds every suspension point of a coroutine body, and every known blocking call, and remembers
 * which trees contain a suspension point (those are lowered; the rest is printed as it is).
 */
public final class SuspensionFinder {
  private final Trees trees;
  private final CallClassifier classifier;

  public SuspensionFinder(Trees trees, CallClassifier classifier) {
    this.trees = trees;
    this.classifier = classifier;
  }

  /** What was found in one body. */
  public static final class Result {
    private final List<SuspensionPoint> points;
    private final List<TreePath> blockingCalls;
    private final Set<Tree> containers;
    private final Map<Tree, SuspensionPoint> byCall = new IdentityHashMap<>();

    Result(List<SuspensionPoint> points, List<TreePath> blockingCalls, Set<Tree> containers) {
      for (SuspensionPoint point : points) {
        byCall.put(point.tree(), point);
      }
      this.points = Collections.unmodifiableList(points);
      this.blockingCalls = Collections.unmodifiableList(blockingCalls);
      this.containers = Collections.unmodifiableSet(containers);
    }

    /** All suspension points, in source order. */
    public List<SuspensionPoint> points() {
      return points;
    }

    /** Blocking JDK calls left as they are (monkey patching off). */
    public List<TreePath> blockingCalls() {
      return blockingCalls;
    }

    /** Whether {@code tree} is, or contains, a suspension point. */
    public boolean suspends(Tree tree) {
      return containers.contains(tree);
    }

    /** The suspension point whose call is {@code tree}, or null. */
    public SuspensionPoint pointAt(Tree tree) {
      return byCall.get(tree);
    }
  }

  /** Scans the body of the method at {@code methodPath}. */
  public Result find(TreePath methodPath) {
    List<SuspensionPoint> points = new ArrayList<>();
    List<TreePath> blocking = new ArrayList<>();
    Set<Tree> containers = Collections.newSetFromMap(new IdentityHashMap<Tree, Boolean>());
    MethodTree method = (MethodTree) methodPath.getLeaf();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        super.visitMethodInvocation(node, unused);
        Element element = trees.getElement(getCurrentPath());
        if (!(element instanceof ExecutableElement)) {
          return null;
        }
        ExecutableElement called = (ExecutableElement) element;
        CallKind kind = classifier.classify(called);
        if (kind == CallKind.PATCHED && Nesting.insideLambdaOrClass(getCurrentPath())) {
          kind = CallKind.BLOCKING; // patching rewrites coroutine code only; a lambda runs elsewhere
        }
        if (kind == CallKind.BLOCKING) {
          blocking.add(getCurrentPath());
        } else if (kind.suspends()) {
          points.add(new SuspensionPoint(getCurrentPath(), kind, called,
              kind == CallKind.PATCHED ? classifier.replacementOwner(called) : null));
          for (TreePath path = getCurrentPath(); path != null && path.getLeaf() != method; path = path.getParentPath()) {
            containers.add(path.getLeaf());
          }
        }
        return null;
      }
    }.scan(new TreePath(methodPath, method.getBody()), null);
    points.sort((a, b) -> Long.compare(start(a.call()), start(b.call())));
    return new Result(points, blocking, containers);
  }

  private long start(TreePath path) {
    return trees.getSourcePositions().getStartPosition(path.getCompilationUnit(), path.getLeaf());
  }
}
