package io.gevent4j.processor.lowering;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.Reachability;
import io.gevent4j.processor.analysis.SuspensionFinder;
import io.gevent4j.processor.javac.TreeCompat;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.FrameContract;
import io.gevent4j.processor.model.CoroutineMethod;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.UnsupportedTreeException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a validated coroutine body into a flat list of {@link Instruction}s (regenerator's
 * "explode" step): statements that contain a suspension point become labels, jumps and branches;
 * statements without one are kept whole. Locals declared at a lowered level move into slots.
 * Expressions are lowered by {@link ExpressionLowerer}.
 */
public final class Lowerer {
  private final Trees trees;
  private final Types types;
  private final Elements elements;

  public Lowerer(Trees trees, Types types, Elements elements) {
    this.trees = trees;
    this.types = types;
    this.elements = elements;
  }

  /** Lowers the method at {@code methodPath}, whose suspension points are {@code found}. */
  public CoroutineMethod lower(TreePath methodPath, SuspensionFinder.Result found) {
    return new Run(methodPath, found).lower();
  }

  /** The state of one lowering. */
  private final class Run {
    private final TreePath methodPath;
    private final MethodTree method;
    private final SuspensionFinder.Result found;
    private final LoweringContext context;
    private final Map<Tree, Label> breakTargets = new IdentityHashMap<>();
    private final Map<Tree, Label> continueTargets = new IdentityHashMap<>();
    private final VerbatimExits verbatimExits;
    private final Reachability reachability;

    Run(TreePath methodPath, SuspensionFinder.Result found) {
      this.methodPath = methodPath;
      this.method = (MethodTree) methodPath.getLeaf();
      this.found = found;
      this.context = new LoweringContext(trees, elements, found, methodPath.getCompilationUnit(),
          (javax.lang.model.element.TypeElement) trees.getElement(methodPath).getEnclosingElement());
      this.verbatimExits = new VerbatimExits(context, breakTargets, continueTargets);
      context.statements = this::statement;
      this.reachability = new Reachability(trees, methodPath.getCompilationUnit());
    }

    CoroutineMethod lower() {
      ExecutableElement element = (ExecutableElement) trees.getElement(methodPath);
      for (VariableElement parameter : element.getParameters()) {
        context.parameter(parameter);
      }
      TreePath body = new TreePath(methodPath, method.getBody());
      for (Map.Entry<VariableElement, TreePath> binding : PatternBindings.toLift(body, found, trees).entrySet()) {
        context.liftBinding(binding.getKey(), binding.getValue());
      }
      statement(body);
      Map<Instruction, Integer> positions = new IdentityHashMap<>(); // what LocalScopes counts in
      for (Instruction instruction : context.out) {
        positions.put(instruction, positions.size());
      }
      context.finish(fallOff(element));
      DeclaredNames names = new DeclaredNames(body);
      SegmentLocals.Plan frame = new SegmentLocals(trees, context.slots).find(context.out, context.locals, context.plainLocals.slots(), names);
      List<Slot> fields = new SharedFields(types).share(frame.fields, context.plainLocals, names::onlyOwn);
      Map<Instruction, List<Slot>> dead = DeadReferences.find(context.out, positions, fields, frame.fields, context.plainLocals);
      return new CoroutineMethod(element, method, methodPath.getCompilationUnit(), context.parameters,
          fields, frame.declarations, dead, context.slots, context.out, context.verbatimExits, context.verbatimYields,
          context.stateRegions, context.routes, context.localTypes, hasAssert(body));
    }

    private boolean hasAssert(TreePath body) {
      Boolean found = new com.sun.source.util.TreeScanner<Boolean, Void>() {
        @Override
        public Boolean visitAssert(AssertTree node, Void unused) {
          return true;
        }

        @Override
        public Boolean reduce(Boolean a, Boolean b) {
          return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
        }
      }.scan(body.getLeaf(), null);
      return Boolean.TRUE.equals(found);
    }

    /** What runs if control reaches the end: a void method returns; javac rules it out for others. */
    private Instruction fallOff(ExecutableElement element) {
      if (element.getReturnType().getKind() == TypeKind.VOID) {
        return new Instruction.Return(null, null, context.exits.ret(null));
      }
      return new Instruction.Throw(null, Code.of("new ", elements.getTypeElement("java.lang.IllegalStateException").asType(),
          "(\"fell off the end\")"));
    }

    private void statement(TreePath path) {
      lowerStatement(path);
      context.plainLocals.lowered(path.getLeaf(), context.out.size());
    }

    private void lowerStatement(TreePath path) {
      Tree tree = path.getLeaf();
      if (tree.getKind() == Tree.Kind.VARIABLE) {
        int start = context.out.size();
        Slot slot = declaration(path, (VariableTree) tree);
        if (slot.constant() == null) {
          context.plainLocals.declared(slot, path, start);
        }
        return;
      }
      if (tree instanceof ClassTree) {
        localType(path);
        return;
      }
      if (!found.suspends(tree)) {
        context.emit(new Instruction.Verbatim(path, reachability.canCompleteNormally((StatementTree) tree)));
        verbatimExits.find(path, context.region(), context.verbatimExits);
        return;
      }
      switch (tree.getKind()) {
        case BLOCK:
          for (StatementTree child : ((BlockTree) tree).getStatements()) {
            statement(new TreePath(path, child));
          }
          break;
        case EXPRESSION_STATEMENT:
          expressions(path).effect(new TreePath(path, ((ExpressionStatementTree) tree).getExpression()));
          break;
        case RETURN:
          ExpressionTree value = ((ReturnTree) tree).getExpression();
          context.emit(new Instruction.Return(path, expressions(path).value(new TreePath(path, value)),
              context.exits.ret(context.region())));
          break;
        case THROW:
          Code exception = expressions(path).value(new TreePath(path, ((ThrowTree) tree).getExpression()));
          context.emit(new Instruction.Throw(path, exception));
          break;
        case IF:
          ifStatement(path, (IfTree) tree);
          break;
        case WHILE_LOOP:
          whileLoop(path, (WhileLoopTree) tree);
          break;
        case DO_WHILE_LOOP:
          doWhileLoop(path, (DoWhileLoopTree) tree);
          break;
        case FOR_LOOP:
          forLoop(path, (ForLoopTree) tree);
          break;
        case ENHANCED_FOR_LOOP:
          enhancedForLoop(path, (EnhancedForLoopTree) tree);
          break;
        case LABELED_STATEMENT:
          labeled(path, (LabeledStatementTree) tree);
          break;
        case TRY:
          new TryLowerer(context, types, elements, this::statement, this::resource).lower(path);
          break;
        case SWITCH:
          switchStatement(path, (SwitchTree) tree);
          break;
        case ASSERT:
          assertion(path, (AssertTree) tree);
          break;
        default:
          if (tree.getKind().name().equals("YIELD")) {
            yieldStatement(path);
            break;
          }
          throw new UnsupportedTreeException(tree, "a suspension point inside a "
              + tree.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " statement");
      }
    }

    private ExpressionLowerer expressions(TreePath statement) {
      return new ExpressionLowerer(context, types, elements, statement);
    }

    /** A try-with-resources resource: a declaration, or (Java 9+) an expression naming one. */
    private Slot resource(TreePath path) {
      if (path.getLeaf() instanceof VariableTree) {
        return declaration(path, (VariableTree) path.getLeaf());
      }
      TypeMirror type = trees.getTypeMirror(path);
      Slot slot = context.synthetic("resource", type);
      expressions(path).assign(Code.of(slot), type, path);
      return slot;
    }

    private void switchStatement(TreePath path, SwitchTree tree) {
      new SwitchLowerer(context, types, expressions(path), this::statement).statement(path, tree, breakTargets);
    }

    /**
     * A local class, record, enum or interface declared where the body is split into states: it
     * is declared once at the top of {@code resume$()}, in scope for every state. A local class
     * that captures the method's locals is refused: it would read their fields, not the values
     * it captured.
     */
    private void localType(TreePath path) {
      Element declared = trees.getElement(path);
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          Element element = trees.getElement(getCurrentPath());
          if (element instanceof VariableElement && isLocal(element) && !isInside(element, declared)) {
            throw new UnsupportedTreeException(node, "a local class that captures the coroutine's local variable '" + node.getName() + "'");
          }
          return null;
        }
      }.scan(path, null);
      context.localTypes.add(path);
    }

    private boolean isLocal(Element element) {
      switch (element.getKind()) {
        case LOCAL_VARIABLE:
        case PARAMETER:
        case EXCEPTION_PARAMETER:
        case RESOURCE_VARIABLE:
          return true;
        default:
          return element.getKind().name().equals("BINDING_VARIABLE");
      }
    }

    /** Whether {@code variable} is declared in {@code type} (its own fields' and methods' locals). */
    private boolean isInside(Element variable, Element type) {
      TreePath declaration = trees.getPath(variable);
      for (TreePath p = declaration; p != null; p = p.getParentPath()) {
        if (trees.getElement(p) == type && p.getLeaf() instanceof ClassTree) {
          return true;
        }
      }
      return declaration == null;
    }

    /** {@code yield value;} of a lowered switch expression: store the value, then leave for its end. */
    private void yieldStatement(TreePath path) {
      Tree target = VerbatimExits.yieldTarget(path);
      LoweringContext.YieldTarget yield = context.yieldTargets.get(target);
      expressions(path).assign(Code.of(yield.result), yield.type, new TreePath(path, TreeCompat.yieldValue(path.getLeaf())));
      context.emit(new Instruction.Jump(path, context.exits.jump(context.region(), target, yield.end)));
    }

    /**
     * {@code assert condition : detail;} evaluates its operands, and so suspends, only when
     * assertions are enabled for the top-level class, as javac's code asks it.
     */
    private void assertion(TreePath path, AssertTree tree) {
      Label end = new Label("end of assert");
      context.emit(new Instruction.Branch(path, Code.of(FrameContract.ASSERTIONS), end));
      Code condition = expressions(path).value(new TreePath(path, tree.getCondition()));
      context.emit(new Instruction.Branch(path, Code.of("!", Code.group(condition)), end));
      TypeMirror error = elements.getTypeElement("java.lang.AssertionError").asType();
      // Cast to its own type, as javac chooses the AssertionError constructor by the detail's type.
      Code detail = tree.getDetail() == null ? Code.of("") : Code.of("(", trees.getTypeMirror(new TreePath(path, tree.getDetail())), ") ",
          Code.group(expressions(path).value(new TreePath(path, tree.getDetail()))));
      context.emit(new Instruction.Throw(path, Code.of("new ", error, "(", detail, ")")));
      context.mark(end);
    }

    private Slot declaration(TreePath path, VariableTree tree) {
      VariableElement variable = (VariableElement) trees.getElement(path);
      if (isNonDenotable(variable.asType())) {
        throw new UnsupportedTreeException(tree, "a 'var' local of an intersection type "
            + "where the body suspends (its value lives in a field, and the type has no name: give it a named type, "
            + "or declare it in a block without suspension points)");
      }
      Slot slot = context.lift(variable, path);
      ExpressionTree initializer = tree.getInitializer();
      if (initializer == null || slot.constant() != null) {
        return slot;
      }
      TreePath initPath = new TreePath(path, initializer);
      if (found.suspends(initializer)) {
        expressions(path).assign(Code.of(slot), slot.type(), initPath);
      } else if (initializer.getKind() == Tree.Kind.NEW_ARRAY && ((NewArrayTree) initializer).getType() == null) {
        context.emit(new Instruction.Run(path, Code.of(Code.assign(slot, "new ", slot.type(), " ", initPath), ";")));
      } else {
        context.emit(new Instruction.Run(path, Code.of(Code.assign(slot, initPath), ";")));
      }
      return slot;
    }

    /** An intersection type ({@code var} of a conditional, say). Anonymous ones are AnonymousVarCheck's. */
    private boolean isNonDenotable(TypeMirror type) {
      return type.getKind() == TypeKind.INTERSECTION;
    }

    private Code condition(TreePath statement, ExpressionTree condition) {
      return expressions(statement).value(new TreePath(statement, condition));
    }

    private void ifStatement(TreePath path, IfTree tree) {
      Label otherwise = new Label("else");
      context.emit(new Instruction.Branch(path, condition(path, tree.getCondition()), otherwise));
      statement(new TreePath(path, tree.getThenStatement()));
      if (tree.getElseStatement() == null) {
        context.mark(otherwise);
        return;
      }
      Label end = new Label("end of if");
      context.emit(new Instruction.Jump(path, end));
      context.mark(otherwise);
      statement(new TreePath(path, tree.getElseStatement()));
      context.mark(end);
    }

    private void whileLoop(TreePath path, WhileLoopTree tree) {
      Label head = new Label("while");
      Label exit = new Label("end of while");
      loopTargets(path, exit, head);
      context.mark(head);
      context.emit(new Instruction.Branch(path, condition(path, tree.getCondition()), exit));
      statement(new TreePath(path, tree.getStatement()));
      context.emit(new Instruction.Jump(path, head));
      context.mark(exit);
    }

    private void doWhileLoop(TreePath path, DoWhileLoopTree tree) {
      Label body = new Label("do");
      Label test = new Label("do condition");
      Label exit = new Label("end of do");
      loopTargets(path, exit, test);
      context.mark(body);
      statement(new TreePath(path, tree.getStatement()));
      context.mark(test);
      context.emit(new Instruction.Branch(path, condition(path, tree.getCondition()), exit));
      context.emit(new Instruction.Jump(path, body));
      context.mark(exit);
    }

    private void forLoop(TreePath path, ForLoopTree tree) {
      for (StatementTree init : tree.getInitializer()) {
        statement(new TreePath(path, init));
      }
      Label head = new Label("for");
      Label update = new Label("for update");
      Label exit = new Label("end of for");
      loopTargets(path, exit, update);
      context.mark(head);
      if (tree.getCondition() != null) {
        context.emit(new Instruction.Branch(path, condition(path, tree.getCondition()), exit));
      }
      statement(new TreePath(path, tree.getStatement()));
      context.mark(update);
      for (StatementTree step : tree.getUpdate()) {
        statement(new TreePath(path, step));
      }
      context.emit(new Instruction.Jump(path, head));
      context.mark(exit);
    }

    private void enhancedForLoop(TreePath path, EnhancedForLoopTree tree) {
      TreePath variablePath = new TreePath(path, tree.getVariable());
      Slot variable = context.lift((VariableElement) trees.getElement(variablePath), variablePath);
      TreePath iterablePath = new TreePath(path, tree.getExpression());
      TypeMirror iterableType = trees.getTypeMirror(iterablePath);
      Code iterable = expressions(path).value(iterablePath);
      Label head = new Label("for each");
      Label exit = new Label("end of for each");
      loopTargets(path, exit, head);
      Code next;
      if (iterableType.getKind() == TypeKind.ARRAY) {
        Slot array = context.synthetic("array", iterableType);
        Slot index = context.synthetic("index", types.getPrimitiveType(TypeKind.INT));
        context.emit(new Instruction.Run(path, Code.of(Code.assign(array, iterable), ";")));
        context.emit(new Instruction.Run(path, Code.of(Code.assign(index, "0"), ";")));
        context.mark(head);
        context.emit(new Instruction.Branch(path, Code.of(index, " < ", array, ".length"), exit));
        next = Code.of(Code.assign(variable, array, "[", index, "++]"), ";");
      } else {
        TypeMirror element = iteratedElement(iterableType, variable.type());
        TypeElement iteratorType = elements.getTypeElement("java.util.Iterator");
        Slot iterator = context.synthetic("iterator", types.getDeclaredType(iteratorType, types.getWildcardType(element, null)));
        context.emit(new Instruction.Run(path, Code.of(Code.assign(iterator, iterable, ".iterator()"), ";")));
        context.mark(head);
        context.emit(new Instruction.Branch(path, Code.of(iterator, ".hasNext()"), exit));
        next = Code.of(Code.assign(variable, iterator, ".next()"), ";");
      }
      // the loop variable is a plain local whose scope starts where each turn assigns it
      context.plainLocals.declared(variable, variablePath, context.out.size());
      context.emit(new Instruction.Run(path, next));
      statement(new TreePath(path, tree.getStatement()));
      context.emit(new Instruction.Jump(path, head));
      context.mark(exit);
    }

    /**
     * What the iterator of {@code iterable} yields: its {@code Iterable<E>}'s {@code E} (which the
     * loop variable may unbox and widen: {@code for (long v : List<Integer>)}), else the variable's type.
     */
    private TypeMirror iteratedElement(TypeMirror iterable, TypeMirror variableType) {
      TypeMirror bound = iterable;
      while (bound.getKind() == TypeKind.TYPEVAR) {
        bound = ((javax.lang.model.type.TypeVariable) bound).getUpperBound();
      }
      if (bound.getKind() == TypeKind.DECLARED) {
        for (javax.lang.model.element.ExecutableElement method : javax.lang.model.util.ElementFilter.methodsIn(
            elements.getTypeElement("java.lang.Iterable").getEnclosedElements())) {
          if (method.getSimpleName().contentEquals("iterator")) {
            TypeMirror iterator = ((javax.lang.model.type.ExecutableType) types.asMemberOf(
                (javax.lang.model.type.DeclaredType) bound, method)).getReturnType();
            List<? extends TypeMirror> arguments = ((javax.lang.model.type.DeclaredType) iterator).getTypeArguments();
            TypeMirror element = arguments.size() == 1 ? arguments.get(0) : null;
            while (element != null && element.getKind() == TypeKind.WILDCARD) {
              element = ((javax.lang.model.type.WildcardType) element).getExtendsBound();
            }
            if (element != null && (element.getKind() == TypeKind.DECLARED || element.getKind() == TypeKind.ARRAY)) {
              return element;
            }
          }
        }
      }
      return variableType.getKind().isPrimitive()
          ? types.boxedClass(types.getPrimitiveType(variableType.getKind())).asType() : variableType;
    }

    private void labeled(TreePath path, LabeledStatementTree tree) {
      Label exit = new Label("end of " + tree.getLabel());
      breakTargets.put(tree, exit);
      statement(new TreePath(path, tree.getStatement()));
      context.mark(exit);
    }

    private void loopTargets(TreePath loop, Label exit, Label next) {
      breakTargets.put(loop.getLeaf(), exit);
      continueTargets.put(loop.getLeaf(), next);
    }
  }
}
