package io.gevent4j.processor.lowering;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.javac.TreeCompat;
import io.gevent4j.processor.model.CallKind;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.Instruction;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Operators;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.SuspensionPoint;
import io.gevent4j.processor.model.UnsupportedTreeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Lowers an expression that contains suspension points, keeping Java's evaluation order (JLS
 * 15.7): every operand evaluated before a later operand's suspension is spilled into a field
 * first, so that what other greenlets (or the suspension itself) change cannot alter it (a local
 * variable that no later operand assigns is not: nothing else can write it);
 * {@code &&}, {@code ||} and {@code ?:} become branches that evaluate only what Java would; a
 * compound assignment reads its left side before the right side suspends. Subtrees without a
 * suspension point stay source code, printed in place.
 */
final class ExpressionLowerer {
  private final LoweringContext context;
  private final Types types;
  private final Elements elements;
  private final TreePath origin;
  private final UserCode userCode;

  /** Lowers expressions of the statement at {@code origin} (for the comments of emitted code). */
  ExpressionLowerer(LoweringContext context, Types types, Elements elements, TreePath origin) {
    this.context = context;
    this.types = types;
    this.elements = elements;
    this.origin = origin;
    this.userCode = new UserCode(context.trees);
  }

  /** Lowers an expression statement: evaluated for its effects only. */
  void effect(TreePath path) {
    Tree tree = path.getLeaf();
    if (!context.found.suspends(tree)) {
      context.emit(new Instruction.Run(origin, Code.statement(path)));
      return;
    }
    if (tree.getKind() == Tree.Kind.METHOD_INVOCATION && pointAt(tree) != null) {
      invocation(path, null, null);
      return;
    }
    if (tree.getKind() == Tree.Kind.ASSIGNMENT) {
      AssignmentTree assignment = (AssignmentTree) tree;
      if (isVariable(assignment.getVariable()) && pointAt(assignment.getExpression()) != null) {
        TreePath variable = child(path, assignment.getVariable());
        invocation(child(path, assignment.getExpression()), Code.of(variable), typeOf(variable));
        return;
      }
    }
    Code code = value(path);
    context.emit(new Instruction.Run(origin, Code.of(code, ";")));
  }

  /** Lowers {@code path} and stores its value into {@code target}, of type {@code targetType}. */
  void assign(Code target, TypeMirror targetType, TreePath path) {
    if (pointAt(path.getLeaf()) != null) {
      invocation(path, target, targetType);
    } else {
      context.emit(new Instruction.Run(origin, Code.of(Code.assign(target, value(path)), ";")));
    }
  }

  /** Lowers an expression and returns code for its value, valid after the emitted instructions. */
  Code value(TreePath path) {
    Tree tree = path.getLeaf();
    if (!context.found.suspends(tree)) {
      return Code.of(path);
    }
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return Code.of("(", value(child(path, ((ParenthesizedTree) tree).getExpression())), ")");
      case METHOD_INVOCATION:
        return invocationValue(path);
      case ASSIGNMENT:
        return assignment(path, (AssignmentTree) tree);
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        return shortCircuit(path, (BinaryTree) tree);
      case CONDITIONAL_EXPRESSION:
        return conditional(path, (ConditionalExpressionTree) tree);
      case TYPE_CAST:
        return substituted(path, child(path, ((TypeCastTree) tree).getExpression()));
      case INSTANCE_OF: {
        InstanceOfTree test = (InstanceOfTree) tree;
        if (TreeCompat.binding(test) != null) {
          throw new UnsupportedTreeException(tree, "a pattern 'instanceof' whose operand suspends");
        }
        return substituted(path, child(path, test.getExpression()));
      }
      case MEMBER_SELECT:
        return substituted(path, child(path, ((MemberSelectTree) tree).getExpression()));
      case ARRAY_ACCESS: {
        ArrayAccessTree access = (ArrayAccessTree) tree;
        return substituted(path, child(path, access.getExpression()), child(path, access.getIndex()));
      }
      case NEW_CLASS:
        return newClass(path, (NewClassTree) tree);
      case NEW_ARRAY:
        return newArray(path, (NewArrayTree) tree);
      default:
        if (tree.getKind().name().equals("SWITCH_EXPRESSION")) {
          return new SwitchLowerer(context, types, this, context.statements).expression(path);
        }
        if (tree instanceof CompoundAssignmentTree) {
          return compoundAssignment(path, (CompoundAssignmentTree) tree);
        }
        if (tree instanceof BinaryTree) {
          return binary(path, (BinaryTree) tree);
        }
        if (tree instanceof UnaryTree) {
          return unary(path, (UnaryTree) tree);
        }
        throw new UnsupportedTreeException(tree, "a suspension point inside a "
            + tree.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
  }

  // ---------------------------------------------------------------- calls

  private Code invocationValue(TreePath path) {
    if (pointAt(path.getLeaf()) != null) {
      TypeMirror type = typeOf(path);
      if (type.getKind() == TypeKind.VOID) {
        throw new UnsupportedTreeException(path.getLeaf(), "a void call used as a value");
      }
      Slot result = context.synthetic("result", type);
      invocation(path, Code.of(result), type);
      return Code.of(result);
    }
    // A plain call whose receiver or arguments suspend: its own text (type arguments included)
    // around the operands lowered, the receiver first.
    MethodInvocationTree tree = (MethodInvocationTree) path.getLeaf();
    List<TreePath> operands = new ArrayList<>();
    Element method = context.trees.getElement(path);
    TreePath select = child(path, tree.getMethodSelect());
    // `super.m()` has no receiver to evaluate: it runs on the coroutine's own.
    if (tree.getMethodSelect() instanceof MemberSelectTree && method != null && !method.getModifiers().contains(Modifier.STATIC)
        && Declarations.plainSuperCall(context.trees, select, context.owner) == null) {
      operands.add(child(select, ((MemberSelectTree) tree.getMethodSelect()).getExpression()));
    }
    for (ExpressionTree argument : tree.getArguments()) {
      operands.add(child(path, argument));
    }
    return substituted(path, operands.toArray(new TreePath[0]));
  }

  /**
   * Emits the suspension point at {@code path}, storing its result into {@code target} (of type
   * {@code targetType}). A reference result bound for a primitive target goes through a field of
   * its own type: the placeholder a parked call returns is null and must never be unboxed.
   */
  private void invocation(TreePath path, Code target, TypeMirror targetType) {
    MethodInvocationTree tree = (MethodInvocationTree) path.getLeaf();
    SuspensionPoint point = pointAt(tree);
    TypeMirror type = typeOf(path);
    if (target != null && targetType.getKind().isPrimitive() && !type.getKind().isPrimitive()) {
      Slot boxed = context.synthetic("result", type);
      invocation(path, Code.of(boxed), type);
      context.emit(new Instruction.Run(origin, Code.of(Code.assign(target, boxed), ";")));
      return;
    }
    if (target != null && (type.getKind() == TypeKind.ERROR || !isDenotable(type))) {
      // A call javac could not type yet (it names a class generated in this round), or whose type
      // has no name: its value is held as the target's declared type.
      type = targetType;
    }
    Call call = call(path, tree);
    context.emit(new Instruction.Suspend(origin, point, call.receiver, call.arguments, target, type,
        new Label("after " + point.method().getSimpleName())));
  }

  /** The receiver (when written as an expression of an instance call) and the arguments, lowered. */
  private Call call(TreePath path, MethodInvocationTree tree) {
    List<TreePath> operands = new ArrayList<>();
    ExpressionTree select = tree.getMethodSelect();
    Element method = pointAt(tree) != null ? pointAt(tree).method() : context.trees.getElement(path);
    // `super.m()` has no receiver to evaluate: it runs on the coroutine's own.
    boolean receiver = select instanceof MemberSelectTree && method != null && !method.getModifiers().contains(Modifier.STATIC)
        && (pointAt(tree) == null || !pointAt(tree).isSuper());
    if (receiver) {
      operands.add(child(child(path, select), ((MemberSelectTree) select).getExpression()));
    }
    for (ExpressionTree argument : tree.getArguments()) {
      operands.add(child(path, argument));
    }
    List<Code> codes = new ArrayList<>(operands(operands));
    if (pointAt(tree) != null && pointAt(tree).kind() != CallKind.COROUTINE) {
      // The call is marked cooperative before its operands run: none of them may run user code.
      for (int i = 0; i < codes.size(); i++) {
        if (userCode.mayRun(codes.get(i))) {
          codes.set(i, context.spill(origin, codes.get(i), typeOf(operands.get(i))));
        }
      }
    }
    return receiver ? new Call(codes.get(0), codes.subList(1, codes.size())) : new Call(null, codes);
  }

  /** A call's lowered receiver (or null) and arguments. */
  private static final class Call {
    final Code receiver;
    final List<Code> arguments;

    Call(Code receiver, List<Code> arguments) {
      this.receiver = receiver;
      this.arguments = arguments;
    }
  }

  /** {@code new T(args) {body}}: the arguments lowered, the rest (type, diamond, class body) as written. */
  private Code newClass(TreePath path, NewClassTree tree) {
    if (tree.getEnclosingExpression() != null && context.found.suspends(tree.getEnclosingExpression())) {
      throw new UnsupportedTreeException(tree, "a suspension point in the outer instance of 'outer.new Inner()'");
    }
    return substituted(path, children(path, tree.getArguments()));
  }

  /** {@code new T[] {a, b}}, {@code {a, b}} of a declaration, {@code new T[n][m]}: elements or sizes lowered. */
  private Code newArray(TreePath path, NewArrayTree tree) {
    if (tree.getInitializers() != null) {
      Code array = substituted(path, children(path, tree.getInitializers()));
      return tree.getType() == null ? Code.of("new ", typeOf(path), " ", array) : array;
    }
    return substituted(path, children(path, tree.getDimensions()));
  }

  private static TreePath[] children(TreePath path, List<? extends ExpressionTree> trees) {
    TreePath[] children = new TreePath[trees.size()];
    for (int i = 0; i < children.length; i++) {
      children[i] = child(path, trees.get(i));
    }
    return children;
  }

  // ---------------------------------------------------------------- assignments

  private Code assignment(TreePath path, AssignmentTree tree) {
    TreePath variable = child(path, tree.getVariable());
    TreePath value = child(path, tree.getExpression());
    switch (tree.getVariable().getKind()) {
      case ARRAY_ACCESS: {
        ArrayAccessTree access = (ArrayAccessTree) tree.getVariable();
        List<Code> parts = operands(Arrays.asList(child(variable, access.getExpression()), child(variable, access.getIndex()), value));
        return Code.of(parts.get(0), "[", parts.get(1), "] = ", parts.get(2));
      }
      case MEMBER_SELECT:
        if (!isStaticMember(variable)) {
          MemberSelectTree select = (MemberSelectTree) tree.getVariable();
          List<Code> parts = operands(Arrays.asList(child(variable, select.getExpression()), value));
          return Code.assign(Code.field(parts.get(0), fieldOf(variable)), parts.get(1));
        }
        return Code.assign(staticField(variable), value(value));
      default:
        return Code.assign(variable, value(value));
    }
  }

  /** {@code x op= e}: the left side's location and value are taken before {@code e} runs (JLS 15.26.2). */
  private Code compoundAssignment(TreePath path, CompoundAssignmentTree tree) {
    TreePath variable = child(path, tree.getVariable());
    TreePath value = child(path, tree.getExpression());
    boolean valueSuspends = context.found.suspends(tree.getExpression());
    // A private field is read and written by accessors, so its object is named twice: spilled.
    boolean accessed = Declarations.needsAccessor(context.trees.getElement(variable));
    Code location = location(variable, valueSuspends || accessed);
    String compound = Operators.symbol(tree.getKind());
    String operator = compound.substring(0, compound.length() - 1);
    TypeMirror type = typeOf(variable);
    if (!valueSuspends && accessed) {
      return Code.assign(location, "(", Declarations.arithmeticType(types, type), ") (", location, " ", operator, " ", Code.group(value(value)), ")");
    }
    if (!valueSuspends) {
      return Code.of(location, " ", compound, " ", value(value));
    }
    Code old = isUnwrittenLocal(variable, Arrays.asList(value)) ? location : context.spill(origin, location, type);
    Code right = value(value);
    return Code.assign(location, "(", Declarations.arithmeticType(types, type), ") (", old, " ", operator, " ", Code.group(right), ")");
  }

  private VariableElement fieldOf(TreePath variable) {
    return (VariableElement) context.trees.getElement(variable);
  }

  /**
   * A variable as a location: its array and index, or its object, spilled when something after
   * it suspends ({@code spillParts}) or when they themselves suspend.
   */
  private Code location(TreePath variable, boolean spillParts) {
    Tree tree = variable.getLeaf();
    if (tree.getKind() == Tree.Kind.ARRAY_ACCESS) {
      ArrayAccessTree access = (ArrayAccessTree) tree;
      TreePath array = child(variable, access.getExpression());
      TreePath index = child(variable, access.getIndex());
      boolean indexSuspends = context.found.suspends(access.getIndex());
      Code arrayCode = value(array);
      if (spillParts || indexSuspends) {
        arrayCode = context.spill(origin, arrayCode, typeOf(array));
      }
      Code indexCode = value(index);
      if (spillParts) {
        indexCode = context.spill(origin, indexCode, typeOf(index));
      }
      return Code.of(arrayCode, "[", indexCode, "]");
    }
    if (tree.getKind() == Tree.Kind.MEMBER_SELECT && !isStaticMember(variable)) {
      MemberSelectTree select = (MemberSelectTree) tree;
      TreePath object = child(variable, select.getExpression());
      Code objectCode = value(object);
      if (spillParts) {
        objectCode = context.spill(origin, objectCode, typeOf(object));
      }
      return Code.field(objectCode, fieldOf(variable));
    }
    if (tree.getKind() == Tree.Kind.MEMBER_SELECT && spillParts) {
      return staticField(variable);
    }
    return Code.of(variable);
  }

  /**
   * A static field written {@code expr.field}: Java evaluates {@code expr} once, for its effects,
   * before anything to its right; after that the field is named by its class.
   */
  private Code staticField(TreePath variable) {
    MemberSelectTree select = (MemberSelectTree) variable.getLeaf();
    TreePath qualifier = child(variable, select.getExpression());
    Element qualified = context.trees.getElement(qualifier);
    if (qualified == null || !(qualified.getKind().isClass() || qualified.getKind().isInterface()
        || qualified.getKind() == javax.lang.model.element.ElementKind.PACKAGE)) {
      context.spill(origin, value(qualifier), typeOf(qualifier));
    }
    return Code.field(null, fieldOf(variable));
  }

  private Code unary(TreePath path, UnaryTree tree) {
    TreePath operand = child(path, tree.getExpression());
    String symbol = Operators.symbol(tree.getKind());
    switch (tree.getKind()) {
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
        return Code.step(location(operand, false), tree.getKind());
      default:
        return substituted(path, operand);
    }
  }

  // ---------------------------------------------------------------- operators

  private Code binary(TreePath path, BinaryTree tree) {
    TreePath left = child(path, tree.getLeftOperand());
    TreePath right = child(path, tree.getRightOperand());
    if (tree.getKind() == Tree.Kind.PLUS && isString(typeOf(path)) && !isString(typeOf(left))
        && context.found.suspends(tree.getRightOperand())) {
      // String concatenation converts the left operand to a string before the right one runs.
      Code text = context.spill(origin, stringValueOf(left, value(left)), string());
      return Code.group(text, " + ", value(right));
    }
    return substituted(path, left, right);
  }

  /**
   * {@code path}'s own source text, with its {@code operands} (evaluated left to right, spilled as
   * {@link #operands} decides) replaced where lowering changed them: the user's operators keep
   * their grouping.
   */
  private Code substituted(TreePath path, TreePath... operands) {
    List<Code> codes = operands(Arrays.asList(operands));
    Map<Tree, Code> replaced = new IdentityHashMap<>();
    for (int i = 0; i < operands.length; i++) {
      Code code = codes.get(i);
      if (!(code.parts().size() == 1 && code.parts().get(0) == operands[i])) {
        replaced.put(operands[i].getLeaf(), code);
      }
    }
    return Code.substituted(path, replaced);
  }

  private Code stringValueOf(TreePath operand, Code value) {
    TypeMirror type = typeOf(operand);
    return type.getKind().isPrimitive()
        ? Code.of("String.valueOf(", value, ")")
        : Code.of("String.valueOf((Object) (", value, "))");
  }

  /** {@code a && b}, {@code a || b}: the right side, and its suspensions, only when Java would. */
  private Code shortCircuit(TreePath path, BinaryTree tree) {
    Slot result = context.synthetic("condition", types.getPrimitiveType(TypeKind.BOOLEAN));
    Label end = new Label("end of " + (tree.getKind() == Tree.Kind.CONDITIONAL_AND ? "&&" : "||"));
    context.emit(new Instruction.Run(origin, Code.of(Code.assign(result, value(child(path, tree.getLeftOperand()))), ";")));
    context.emit(new Instruction.Branch(origin,
        tree.getKind() == Tree.Kind.CONDITIONAL_AND ? Code.of(result) : Code.of("!", result), end));
    context.emit(new Instruction.Run(origin, Code.of(Code.assign(result, value(child(path, tree.getRightOperand()))), ";")));
    context.mark(end);
    return Code.of(result);
  }

  private Code conditional(TreePath path, ConditionalExpressionTree tree) {
    Slot result = context.synthetic("choice", typeOf(path));
    Label otherwise = new Label("else of ?:");
    Label end = new Label("end of ?:");
    context.emit(new Instruction.Branch(origin, value(child(path, tree.getCondition())), otherwise));
    context.emit(new Instruction.Run(origin, Code.of(Code.assign(result, value(child(path, tree.getTrueExpression()))), ";")));
    context.emit(new Instruction.Jump(origin, end));
    context.mark(otherwise);
    context.emit(new Instruction.Run(origin, Code.of(Code.assign(result, value(child(path, tree.getFalseExpression()))), ";")));
    context.mark(end);
    return Code.of(result);
  }

  /**
   * Lowers operands evaluated left to right; each one before the last operand that suspends is
   * spilled, so that it keeps the value it had when Java would have evaluated it.
   */
  private List<Code> operands(List<TreePath> operands) {
    int last = -1;
    for (int i = 0; i < operands.size(); i++) {
      if (context.found.suspends(operands.get(i).getLeaf())) {
        last = i;
      }
    }
    List<Code> codes = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      TreePath operand = operands.get(i);
      Code code = value(operand);
      boolean spill = i < last
          ? !isUnwrittenLocal(operand, operands.subList(i + 1, last + 1)) && needsSpill(operand, code)
          : containsLambda(operand) && needsSpill(operand, code);
      if (spill) {
        code = context.spill(origin, code, typeOf(operand));
      }
      codes.add(code);
    }
    return codes;
  }

  /**
   * Literals and values already in a synthetic field cannot change; everything else can. (A lambda
   * operand is spilled all the same, so that its captured locals are copied where it is created.)
   */
  private static boolean needsSpill(TreePath operand, Code code) {
    if (operand.getLeaf() instanceof LiteralTree) {
      return false;
    }
    return !(code.parts().size() == 1 && code.parts().get(0) instanceof Slot);
  }

  /**
   * Whether {@code operand} reads a local variable (or a parameter) that none of {@code later}
   * assigns: it needs no spill, as nothing but the body's own code can write a local (a closure
   * captures only effectively final ones), so it still holds that value when they have suspended.
   */
  private boolean isUnwrittenLocal(TreePath operand, List<TreePath> later) {
    if (!(operand.getLeaf() instanceof com.sun.source.tree.IdentifierTree)) {
      return false;
    }
    Element local = context.trees.getElement(operand);
    if (!(local instanceof VariableElement) || local.getKind().isField()) {
      return false;
    }
    for (TreePath path : later) {
      if (assigns(path, local)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code path} holds an assignment, compound assignment, increment or decrement of {@code local}. */
  private boolean assigns(TreePath path, Element local) {
    Boolean found = new com.sun.source.util.TreePathScanner<Boolean, Void>() {
      @Override
      public Boolean visitAssignment(AssignmentTree node, Void unused) {
        return writes(node.getVariable()) || Boolean.TRUE.equals(super.visitAssignment(node, unused));
      }

      @Override
      public Boolean visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        return writes(node.getVariable()) || Boolean.TRUE.equals(super.visitCompoundAssignment(node, unused));
      }

      @Override
      public Boolean visitUnary(UnaryTree node, Void unused) {
        boolean step = node.getKind() == Tree.Kind.PREFIX_INCREMENT || node.getKind() == Tree.Kind.PREFIX_DECREMENT
            || node.getKind() == Tree.Kind.POSTFIX_INCREMENT || node.getKind() == Tree.Kind.POSTFIX_DECREMENT;
        return step && writes(node.getExpression()) || Boolean.TRUE.equals(super.visitUnary(node, unused));
      }

      private boolean writes(ExpressionTree variable) {
        return local.equals(context.trees.getElement(new TreePath(getCurrentPath(), variable)));
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(path, null);
    return Boolean.TRUE.equals(found);
  }

  // ---------------------------------------------------------------- helpers

  private static boolean containsLambda(TreePath operand) {
    Boolean found = new com.sun.source.util.TreeScanner<Boolean, Void>() {
      @Override
      public Boolean visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
        return true;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(operand.getLeaf(), null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean isDenotable(TypeMirror type) {
    return type.getKind() != TypeKind.INTERSECTION && type.getKind() != TypeKind.UNION
        && !(type.getKind() == TypeKind.DECLARED && ((javax.lang.model.type.DeclaredType) type).asElement()
            instanceof javax.lang.model.element.TypeElement
            && ((javax.lang.model.element.TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement()).getNestingKind()
                == javax.lang.model.element.NestingKind.ANONYMOUS);
  }

  private SuspensionPoint pointAt(Tree tree) {
    return context.found.pointAt(tree);
  }

  private TypeMirror typeOf(TreePath path) {
    TypeMirror type = context.trees.getTypeMirror(path);
    if (type == null) {
      throw new UnsupportedTreeException(path.getLeaf(), "an expression without a type");
    }
    return type;
  }

  private boolean isStaticMember(TreePath path) {
    Element element = context.trees.getElement(path);
    return element != null && element.getModifiers().contains(Modifier.STATIC);
  }

  private static boolean isVariable(ExpressionTree tree) {
    return tree.getKind() == Tree.Kind.IDENTIFIER;
  }

  private boolean isString(TypeMirror type) {
    return types.isSameType(type, string());
  }

  private TypeMirror string() {
    return elements.getTypeElement("java.lang.String").asType();
  }


  private static TreePath child(TreePath parent, Tree tree) {
    return new TreePath(parent, tree);
  }
}
