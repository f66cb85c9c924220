package io.gevent4j.processor.lowering;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.TryRegion;
import io.gevent4j.processor.model.TryRegion.RegionPart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Lowers a {@code try} statement that contains a suspension point into a {@link TryRegion}: the
 * try part, each catch block and the finally block become states, and the state machine's
 * dispatch loop routes exceptions by state. try-with-resources follows JLS 14.20.3: one region per
 * resource, closing it in a synthetic finally block that adds suppressed exceptions.
 */
final class TryLowerer {
  private final LoweringContext context;
  private final Types types;
  private final Elements elements;
  private final Consumer<TreePath> statements;
  private final ResourceDeclarations resources;

  /** Declares a resource variable (lifting it and lowering its initializer), returning its slot. */
  interface ResourceDeclarations {
    Slot declare(TreePath resource);
  }

  TryLowerer(LoweringContext context, Types types, Elements elements, Consumer<TreePath> statements, ResourceDeclarations resources) {
    this.context = context;
    this.types = types;
    this.elements = elements;
    this.statements = statements;
    this.resources = resources;
  }

  void lower(TreePath path) {
    TryTree tree = (TryTree) path.getLeaf();
    if (tree.getResources().isEmpty()) {
      region(path, tree, () -> statements.accept(new TreePath(path, tree.getBlock())));
    } else if (tree.getCatches().isEmpty() && tree.getFinallyBlock() == null) {
      resourceRegions(path, tree, 0);
    } else {
      region(path, tree, () -> resourceRegions(path, tree, 0));
    }
  }

  /** A region with the statement's own catch clauses and finally block around {@code body}. */
  private void region(TreePath path, TryTree tree, Runnable body) {
    RegionPart outer = context.region();
    Label after = new Label("end of try");
    TryRegion region = tree.getFinallyBlock() == null
        ? new TryRegion(tree, outer, null, null, null, null, null)
        : withFinally(tree, outer, null);
    List<TreePath> catchBlocks = new ArrayList<>();
    for (CatchTree handler : tree.getCatches()) {
      TreePath handlerPath = new TreePath(path, handler);
      TreePath parameterPath = new TreePath(handlerPath, handler.getParameter());
      List<TypeMirror> caught = caughtTypes(parameterPath, handler.getParameter());
      TypeMirror parameterType = commonSuperclass(caught);
      Slot parameter = context.lift((VariableElement) context.trees.getElement(parameterPath), parameterPath, parameterType);
      region.addHandler(new TryRegion.Handler(caught, parameterType, parameter, new Label("catch " + handler.getParameter().getName())));
      catchBlocks.add(new TreePath(handlerPath, handler.getBlock()));
    }
    Label exit = region.hasFinally() ? region.finallyEntry() : after;
    enter(path, region);
    body.run();
    context.emit(new Instruction.Jump(path, exit));
    for (int i = 0; i < catchBlocks.size(); i++) {
      context.setRegion(new RegionPart(region, RegionPart.Part.CATCH));
      context.mark(region.handlers().get(i).entry());
      statements.accept(catchBlocks.get(i));
      context.emit(new Instruction.Jump(path, exit));
    }
    context.setRegion(outer);
    if (region.hasFinally()) {
      context.mark(region.finallyEntry());
      statements.accept(new TreePath(path, tree.getFinallyBlock()));
      context.emit(new Instruction.EndFinally(path, region, context.exits.ret(region.enclosing())));
    }
    context.mark(after);
  }

  /** Resources {@code index}.. as nested regions, then the try block. */
  private void resourceRegions(TreePath path, TryTree tree, int index) {
    if (index == tree.getResources().size()) {
      statements.accept(new TreePath(path, tree.getBlock()));
      return;
    }
    Tree resourceTree = tree.getResources().get(index);
    TreePath resourcePath = new TreePath(path, resourceTree);
    Slot resource = resources.declare(resourcePath);
    RegionPart outer = context.region();
    Slot primary = context.synthetic("primary", elements.getTypeElement("java.lang.Throwable").asType());
    context.emit(new Instruction.Run(resourcePath, Code.of(Code.assign(primary, "null"), ";")));
    TryRegion region = withFinally(resourceTree, outer, primary);
    enter(resourcePath, region);
    resourceRegions(path, tree, index + 1);
    context.emit(new Instruction.Jump(resourcePath, region.finallyEntry()));
    context.setRegion(outer);
    context.mark(region.finallyEntry());
    context.emit(new Instruction.Run(resourcePath, Code.of(
        "if (", resource, " != null) { if (", primary, " != null) { try { ", resource, ".close(); } catch (Throwable suppressed$) { ",
        primary, ".addSuppressed(suppressed$); } } else { ", resource, ".close(); } }")));
    context.emit(new Instruction.EndFinally(resourcePath, region, context.exits.ret(region.enclosing())));
    context.mark(new Label("end of resource"));
  }

  private TryRegion withFinally(Tree statement, RegionPart outer, Slot primary) {
    Slot completion = context.synthetic("completion", types.getPrimitiveType(TypeKind.INT));
    Slot pending = context.synthetic("pending", elements.getTypeElement("java.lang.Object").asType());
    Slot jump = context.synthetic("jump", types.getPrimitiveType(TypeKind.INT));
    return new TryRegion(statement, outer, new Label("finally"), completion, pending, jump, primary);
  }

  /** Resets the completion and starts the try part. */
  private void enter(TreePath path, TryRegion region) {
    if (region.hasFinally()) {
      context.emit(new Instruction.Run(path, Code.of(Code.assign(region.completion(), String.valueOf(TryRegion.NORMAL)), ";")));
    }
    context.setRegion(new RegionPart(region, RegionPart.Part.TRY));
    context.mark(new Label("try"));
  }

  private List<TypeMirror> caughtTypes(TreePath parameterPath, VariableTree parameter) {
    List<TypeMirror> caught = new ArrayList<>();
    if (parameter.getType() instanceof UnionTypeTree) {
      TreePath union = new TreePath(parameterPath, parameter.getType());
      for (Tree alternative : ((UnionTypeTree) parameter.getType()).getTypeAlternatives()) {
        caught.add(context.trees.getTypeMirror(new TreePath(union, alternative)));
      }
    } else {
      caught.add(context.trees.getElement(parameterPath).asType());
    }
    return caught;
  }

  /** The most specific class that every type in {@code caught} extends. */
  private TypeMirror commonSuperclass(List<TypeMirror> caught) {
    TypeMirror candidate = caught.get(0);
    while (!allSubtypesOf(caught, candidate)) {
      candidate = ((TypeElement) types.asElement(candidate)).getSuperclass();
    }
    return candidate;
  }

  private boolean allSubtypesOf(List<TypeMirror> caught, TypeMirror candidate) {
    for (TypeMirror type : caught) {
      if (!types.isSubtype(type, candidate)) {
        return false;
      }
    }
    return true;
  }
}
