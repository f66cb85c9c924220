package io.gevent4j.processor.emission;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.Nesting;
import io.gevent4j.processor.javac.TreeCompat;
import io.gevent4j.processor.model.CoroutineMethod;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.Operators;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.TryRegion;
import io.gevent4j.processor.model.UnsupportedTreeException;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Prints attributed source trees as Java for the state machine: lifted variables become fields,
 * implicit {@code this} becomes the receiver field, types are imported through JavaPoet, and
 * {@code break}/{@code continue}/{@code return} that leave the printed statement become state
 * transitions.
 */
final class JavaPrinter {
  private final Trees trees;
  private final TypeNames typeNames;
  private final CoroutineMethod method;
  private final String selfName;
  private final ExitRouter router;
  private final javax.lang.model.util.Types types;
  private TryRegion.RegionPart region;
  /** The anonymous classes whose bodies are being printed, innermost first. */
  private final java.util.ArrayDeque<TypeElement> anonymous = new java.util.ArrayDeque<>();
  /** Lifted locals printed by their own name: final copies made for the lambdas that capture them. */
  private java.util.Set<Element> copied = java.util.Collections.emptySet();

  JavaPrinter(Trees trees, TypeNames typeNames, CoroutineMethod method, String selfName, ExitRouter router,
      javax.lang.model.util.Types types) {
    this.trees = trees;
    this.types = types;
    this.typeNames = typeNames;
    this.method = method;
    this.selfName = selfName;
    this.router = router;
  }

  /** Where the statements printed next run: exits from them are routed through finally blocks. */
  void setRegion(TryRegion.RegionPart region) {
    this.region = region;
  }

  /**
   * The lifted locals (declared at a lowered level) that lambdas under {@code roots} capture. A
   * lambda must capture the value of the current iteration, not the field that later iterations
   * overwrite, so the statement printed with them gets final copies ({@link #withCopies}).
   */
  java.util.List<Slot> capturedByLambdas(java.util.List<TreePath> roots) {
    java.util.Map<Element, Slot> captured = new java.util.LinkedHashMap<>();
    for (TreePath root : roots) {
      new com.sun.source.util.TreePathScanner<Void, Boolean>() {
        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Boolean inLambda) {
          return super.visitLambdaExpression(node, true);
        }

        @Override
        public Void visitClass(com.sun.source.tree.ClassTree node, Boolean inLambda) {
          return super.visitClass(node, true);
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Boolean inLambda) {
          Element element = trees.getElement(getCurrentPath());
          if (Boolean.TRUE.equals(inLambda) && element instanceof VariableElement) {
            Slot slot = method.slotOf((VariableElement) element);
            if (slot != null && slot.role() == Slot.Role.LOCAL) {
              captured.put(element, slot);
            }
          }
          return null;
        }
      }.scan(root, false);
    }
    return new java.util.ArrayList<>(captured.values());
  }

  /**
   * Wraps {@code code} (printed by {@code print} with the copies in effect) in a block that first
   * copies each captured slot into a final local of the variable's own name.
   */
  CodeBlock withCopies(java.util.List<Slot> captured, java.util.function.Supplier<CodeBlock> print) {
    if (captured.isEmpty()) {
      return print.get();
    }
    CodeBlock.Builder out = CodeBlock.builder().add("{\n$>");
    java.util.Set<Element> previous = copied;
    copied = new java.util.HashSet<>(previous);
    try {
      for (Slot slot : captured) {
        copied.add(slot.variable());
        out.addStatement("final $T $L = this.$L", typeNames.of(slot.type()), slot.variable().getSimpleName(), slot.name());
      }
      return out.add(print.get()).add("$<}\n").build();
    } finally {
      copied = previous;
    }
  }

  /** Prints an expression. */
  CodeBlock expression(TreePath path) {
    CodeBlock.Builder out = CodeBlock.builder();
    expr(path, out);
    return out.build();
  }

  /** Prints a statement, ending with a newline. */
  CodeBlock statement(TreePath path) {
    CodeBlock.Builder out = CodeBlock.builder();
    stmt(path, out);
    return out.build();
  }

  // ---------------------------------------------------------------- statements

  private void stmt(TreePath path, CodeBlock.Builder out) {
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case BLOCK:
        block(path, (BlockTree) tree, out);
        out.add("\n");
        break;
      case EMPTY_STATEMENT:
        out.add(";\n");
        break;
      case EXPRESSION_STATEMENT:
        expr(child(path, ((ExpressionStatementTree) tree).getExpression()), out);
        out.add(";\n");
        break;
      case VARIABLE:
        variable(path, (VariableTree) tree, out);
        out.add(";\n");
        break;
      case IF:
        ifStatement(path, (IfTree) tree, out);
        break;
      case WHILE_LOOP: {
        WhileLoopTree loop = (WhileLoopTree) tree;
        out.add("while (").add(exprCode(child(path, loop.getCondition()))).add(") ");
        body(child(path, loop.getStatement()), out);
        break;
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree loop = (DoWhileLoopTree) tree;
        out.add("do ");
        body(child(path, loop.getStatement()), out);
        out.add("while (").add(exprCode(child(path, loop.getCondition()))).add(");\n");
        break;
      }
      case FOR_LOOP:
        forLoop(path, (ForLoopTree) tree, out);
        break;
      case ENHANCED_FOR_LOOP: {
        EnhancedForLoopTree loop = (EnhancedForLoopTree) tree;
        out.add("for (");
        variable(child(path, loop.getVariable()), loop.getVariable(), out);
        out.add(" : ").add(exprCode(child(path, loop.getExpression()))).add(") ");
        body(child(path, loop.getStatement()), out);
        break;
      }
      case LABELED_STATEMENT: {
        LabeledStatementTree labeled = (LabeledStatementTree) tree;
        out.add("$L: ", labeled.getLabel());
        stmt(child(path, labeled.getStatement()), out);
        break;
      }
      case SWITCH:
        switchStatement(path, (SwitchTree) tree, out);
        break;
      case TRY:
        tryStatement(path, (TryTree) tree, out);
        break;
      case SYNCHRONIZED: {
        SynchronizedTree sync = (SynchronizedTree) tree;
        out.add("synchronized ").add(exprCode(child(path, sync.getExpression()))).add(" ");
        block(child(path, sync.getBlock()), sync.getBlock(), out);
        out.add("\n");
        break;
      }
      case THROW:
        out.add("throw ").add(exprCode(child(path, ((ThrowTree) tree).getExpression()))).add(";\n");
        break;
      case ASSERT: {
        AssertTree assertion = (AssertTree) tree;
        out.add("assert ").add(exprCode(child(path, assertion.getCondition())));
        if (assertion.getDetail() != null) {
          out.add(" : ").add(exprCode(child(path, assertion.getDetail())));
        }
        out.add(";\n");
        break;
      }
      case RETURN:
        returnStatement(path, (ReturnTree) tree, out);
        break;
      case BREAK:
        breakStatement(path, (BreakTree) tree, out);
        break;
      case CONTINUE:
        continueStatement(path, (ContinueTree) tree, out);
        break;
      default:
        if (tree.getKind().name().equals("YIELD")) {
          out.add("yield ").add(exprCode(child(path, TreeCompat.yieldValue(tree)))).add(";\n");
          break;
        }
        throw new UnsupportedTreeException(tree, "a " + describe(tree) + " statement");
    }
  }

  private void block(TreePath path, BlockTree tree, CodeBlock.Builder out) {
    out.add("{\n$>");
    for (StatementTree statement : tree.getStatements()) {
      stmt(child(path, statement), out);
    }
    out.add("$<}");
  }

  /** A loop or branch body, then a newline. */
  private void body(TreePath path, CodeBlock.Builder out) {
    braced(path, out);
    out.add("\n");
  }

  /** A loop or branch body: a block stays a block, a single statement gets braces. */
  private void braced(TreePath path, CodeBlock.Builder out) {
    if (path.getLeaf().getKind() == Tree.Kind.BLOCK) {
      block(path, (BlockTree) path.getLeaf(), out);
    } else {
      out.add("{\n$>");
      stmt(path, out);
      out.add("$<}");
    }
  }

  private void ifStatement(TreePath path, IfTree tree, CodeBlock.Builder out) {
    out.add("if (").add(exprCode(child(path, tree.getCondition()))).add(") ");
    TreePath then = child(path, tree.getThenStatement());
    if (tree.getElseStatement() == null) {
      body(then, out);
      return;
    }
    braced(then, out);
    out.add(" else ");
    TreePath otherwise = child(path, tree.getElseStatement());
    if (tree.getElseStatement().getKind() == Tree.Kind.IF) {
      stmt(otherwise, out);
    } else {
      body(otherwise, out);
    }
  }

  private void forLoop(TreePath path, ForLoopTree tree, CodeBlock.Builder out) {
    out.add("for (");
    List<? extends StatementTree> init = tree.getInitializer();
    for (int i = 0; i < init.size(); i++) {
      StatementTree statement = init.get(i);
      if (statement.getKind() == Tree.Kind.VARIABLE) {
        VariableTree variable = (VariableTree) statement;
        if (i == 0) {
          variable(child(path, variable), variable, out);
        } else {
          out.add(", $L", variable.getName());
          if (variable.getInitializer() != null) {
            out.add(" = ").add(exprCode(child(child(path, variable), variable.getInitializer())));
          }
        }
      } else {
        out.add(i == 0 ? "" : ", ").add(exprCode(child(child(path, statement), ((ExpressionStatementTree) statement).getExpression())));
      }
    }
    out.add("; ");
    if (tree.getCondition() != null) {
      out.add(exprCode(child(path, tree.getCondition())));
    }
    out.add("; ");
    List<? extends ExpressionStatementTree> update = tree.getUpdate();
    for (int i = 0; i < update.size(); i++) {
      out.add(i == 0 ? "" : ", ").add(exprCode(child(child(path, update.get(i)), update.get(i).getExpression())));
    }
    out.add(") ");
    body(child(path, tree.getStatement()), out);
  }

  private void switchStatement(TreePath path, SwitchTree tree, CodeBlock.Builder out) {
    switchBody(path, child(path, tree.getExpression()), tree.getCases(), out);
    out.add("\n");
  }

  /** {@code switch (selector) {cases}}, for statements and expressions, classic or rule cases. */
  private void switchBody(TreePath path, TreePath selector, List<? extends CaseTree> cases, CodeBlock.Builder out) {
    out.add("switch ").add(exprCode(selector)).add(" {\n$>");
    boolean enumSwitch = isEnum(trees.getTypeMirror(selector));
    for (CaseTree caseTree : cases) {
      TreePath casePath = child(path, caseTree);
      List<? extends ExpressionTree> labels = TreeCompat.labels(caseTree);
      boolean rule = TreeCompat.isRule(caseTree);
      if (labels.isEmpty()) {
        out.add("default");
      } else {
        out.add("case ");
        for (int i = 0; i < labels.size(); i++) {
          out.add(i == 0 ? "" : ", ");
          if (enumSwitch) {
            out.add("$L", ((IdentifierTree) labels.get(i)).getName());
          } else {
            out.add(exprCode(child(casePath, labels.get(i))));
          }
        }
      }
      if (rule) {
        out.add(" -> ");
        Tree body = TreeCompat.ruleBody(caseTree);
        TreePath bodyPath = child(casePath, body);
        if (body instanceof BlockTree) {
          block(bodyPath, (BlockTree) body, out);
          out.add("\n");
        } else if (body instanceof ExpressionTree) {
          out.add(exprCode(bodyPath)).add(";\n");
        } else {
          stmt(bodyPath, out);
        }
        continue;
      }
      out.add(":\n$>");
      for (StatementTree statement : caseTree.getStatements()) {
        stmt(child(casePath, statement), out);
      }
      out.add("$<");
    }
    out.add("$<}");
  }

  private void tryStatement(TreePath path, TryTree tree, CodeBlock.Builder out) {
    out.add("try ");
    if (!tree.getResources().isEmpty()) {
      out.add("(");
      List<? extends Tree> resources = tree.getResources();
      for (int i = 0; i < resources.size(); i++) {
        Tree resource = resources.get(i);
        out.add(i == 0 ? "" : "; ");
        if (resource instanceof VariableTree) {
          variable(child(path, resource), (VariableTree) resource, out);
        } else {
          expr(child(path, resource), out);
        }
      }
      out.add(") ");
    }
    block(child(path, tree.getBlock()), tree.getBlock(), out);
    for (CatchTree handler : tree.getCatches()) {
      TreePath handlerPath = child(path, handler);
      VariableTree parameter = handler.getParameter();
      out.add(" catch (");
      TreePath parameterPath = child(handlerPath, parameter);
      if (parameter.getModifiers().getFlags().contains(Modifier.FINAL)) {
        out.add("final ");
      }
      if (parameter.getType() instanceof UnionTypeTree) {
        TreePath union = child(parameterPath, parameter.getType());
        List<? extends Tree> alternatives = ((UnionTypeTree) parameter.getType()).getTypeAlternatives();
        for (int i = 0; i < alternatives.size(); i++) {
          out.add(i == 0 ? "$T" : " | $T", typeNames.of(trees.getTypeMirror(child(union, alternatives.get(i)))));
        }
      } else {
        out.add("$T", typeNames.of(trees.getTypeMirror(child(parameterPath, parameter.getType()))));
      }
      out.add(" $L) ", parameter.getName());
      block(child(handlerPath, handler.getBlock()), handler.getBlock(), out);
    }
    if (tree.getFinallyBlock() != null) {
      out.add(" finally ");
      block(child(path, tree.getFinallyBlock()), tree.getFinallyBlock(), out);
    }
    out.add("\n");
  }

  private void variable(TreePath path, VariableTree tree, CodeBlock.Builder out) {
    if (tree.getModifiers().getFlags().contains(Modifier.FINAL)) {
      out.add("final ");
    }
    Element element = trees.getElement(path);
    if (isVar(tree)) {
      out.add("var");
    } else {
      out.add("$T", typeNames.of(element.asType()));
    }
    out.add(" $L", tree.getName());
    if (tree.getInitializer() != null) {
      out.add(" = ").add(exprCode(child(path, tree.getInitializer())));
    }
  }

  private boolean isVar(VariableTree tree) {
    Tree type = tree.getType();
    return type == null || trees.getSourcePositions().getStartPosition(null, type) < 0
        || (type instanceof IdentifierTree && ((IdentifierTree) type).getName().contentEquals("var"));
  }

  private void returnStatement(TreePath path, ReturnTree tree, CodeBlock.Builder out) {
    if (Nesting.insideLambdaOrClass(path)) {
      out.add("return");
      if (tree.getExpression() != null) {
        out.add(" ").add(exprCode(child(path, tree.getExpression())));
      }
      out.add(";\n");
    } else {
      CodeBlock value = tree.getExpression() == null ? null : exprCode(child(path, tree.getExpression()));
      out.add("{\n$>").add(router.ret(region, value)).add("$<}\n");
    }
  }

  private void breakStatement(TreePath path, BreakTree tree, CodeBlock.Builder out) {
    Tree target = tree.getLabel() == null ? innermost(path, false) : labeled(path, tree.getLabel().toString());
    Label label = target == null ? null : method.breakTarget(target);
    if (label != null) {
      out.add("{\n$>").add(router.jump(region, target, label)).add("$<}\n");
    } else {
      out.add(tree.getLabel() == null ? "break;\n" : "break $L;\n", tree.getLabel());
    }
  }

  private void continueStatement(TreePath path, ContinueTree tree, CodeBlock.Builder out) {
    Tree target = innermost(path, true);
    if (tree.getLabel() != null) {
      Tree labeled = labeled(path, tree.getLabel().toString());
      target = labeled == null ? null : ((LabeledStatementTree) labeled).getStatement();
    }
    Label label = target == null ? null : method.continueTarget(target);
    if (label != null) {
      out.add("{\n$>").add(router.jump(region, target, label)).add("$<}\n");
    } else {
      out.add(tree.getLabel() == null ? "continue;\n" : "continue $L;\n", tree.getLabel());
    }
  }

  /** The innermost loop (or, for break, switch) around {@code path}, within the same body. */
  private static Tree innermost(TreePath path, boolean loopsOnly) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      switch (p.getLeaf().getKind()) {
        case WHILE_LOOP:
        case DO_WHILE_LOOP:
        case FOR_LOOP:
        case ENHANCED_FOR_LOOP:
          return p.getLeaf();
        case SWITCH:
          if (!loopsOnly) {
            return p.getLeaf();
          }
          break;
        case LAMBDA_EXPRESSION:
        case CLASS:
        case METHOD:
          return null;
        default:
          break;
      }
    }
    return null;
  }

  private static Tree labeled(TreePath path, String name) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LabeledStatementTree && ((LabeledStatementTree) leaf).getLabel().contentEquals(name)) {
        return leaf;
      }
      if (leaf.getKind() == Tree.Kind.LAMBDA_EXPRESSION || leaf.getKind() == Tree.Kind.METHOD) {
        return null;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- expressions

  private CodeBlock exprCode(TreePath path) {
    return expression(path);
  }

  private void expr(TreePath path, CodeBlock.Builder out) {
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case IDENTIFIER:
        identifier(path, (IdentifierTree) tree, out);
        break;
      case MEMBER_SELECT:
        memberSelect(path, (MemberSelectTree) tree, out);
        break;
      case METHOD_INVOCATION:
        invocation(path, (MethodInvocationTree) tree, out);
        break;
      case NEW_CLASS:
        newClass(path, (NewClassTree) tree, out);
        break;
      case NEW_ARRAY:
        newArray(path, (NewArrayTree) tree, out);
        break;
      case PARENTHESIZED:
        out.add("(").add(exprCode(child(path, ((ParenthesizedTree) tree).getExpression()))).add(")");
        break;
      case ASSIGNMENT: {
        AssignmentTree assignment = (AssignmentTree) tree;
        out.add(exprCode(child(path, assignment.getVariable()))).add(" = ").add(exprCode(child(path, assignment.getExpression())));
        break;
      }
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        out.add(exprCode(child(path, conditional.getCondition()))).add(" ? ")
            .add(exprCode(child(path, conditional.getTrueExpression()))).add(" : ")
            .add(exprCode(child(path, conditional.getFalseExpression())));
        break;
      }
      case TYPE_CAST: {
        TypeCastTree cast = (TypeCastTree) tree;
        out.add("($L) ", typeCode(child(path, cast.getType()))).add(exprCode(child(path, cast.getExpression())));
        break;
      }
      case INSTANCE_OF: {
        InstanceOfTree instanceOf = (InstanceOfTree) tree;
        VariableTree binding = TreeCompat.binding(instanceOf);
        out.add(exprCode(child(path, instanceOf.getExpression())));
        if (binding == null) {
          out.add(" instanceof $L", typeCode(child(path, instanceOf.getType())));
        } else {
          TreePath bindingPath = child(child(path, TreeCompat.pattern(instanceOf)), binding);
          out.add(" instanceof $T $L", typeNames.of(trees.getElement(bindingPath).asType()), binding.getName());
        }
        break;
      }
      case ARRAY_ACCESS: {
        ArrayAccessTree access = (ArrayAccessTree) tree;
        out.add(exprCode(child(path, access.getExpression()))).add("[").add(exprCode(child(path, access.getIndex()))).add("]");
        break;
      }
      case LAMBDA_EXPRESSION:
        lambda(path, (LambdaExpressionTree) tree, out);
        break;
      case MEMBER_REFERENCE:
        memberReference(path, (MemberReferenceTree) tree, out);
        break;
      default:
        if (tree.getKind().name().equals("SWITCH_EXPRESSION")) {
          switchBody(path, child(path, TreeCompat.switchExpressionSelector(tree)), TreeCompat.switchExpressionCases(tree), out);
        } else if (tree instanceof LiteralTree) {
          literal((LiteralTree) tree, out);
        } else if (tree instanceof CompoundAssignmentTree) {
          CompoundAssignmentTree compound = (CompoundAssignmentTree) tree;
          out.add(exprCode(child(path, compound.getVariable()))).add(" $L ", Operators.symbol(tree.getKind()))
              .add(exprCode(child(path, compound.getExpression())));
        } else if (tree instanceof BinaryTree) {
          BinaryTree binary = (BinaryTree) tree;
          out.add(exprCode(child(path, binary.getLeftOperand()))).add(" $L ", Operators.symbol(tree.getKind()))
              .add(exprCode(child(path, binary.getRightOperand())));
        } else if (tree instanceof UnaryTree) {
          unary(path, (UnaryTree) tree, out);
        } else {
          throw new UnsupportedTreeException(tree, "a " + describe(tree) + " expression");
        }
    }
  }

  private void identifier(TreePath path, IdentifierTree tree, CodeBlock.Builder out) {
    String name = tree.getName().toString();
    Element element = trees.getElement(path);
    if (name.equals("this")) {
      out.add("$L", anonymous.isEmpty() ? selfName : "this");
      return;
    }
    if (element == null) {
      out.add("$L", name);
      return;
    }
    switch (element.getKind()) {
      case LOCAL_VARIABLE:
      case PARAMETER:
      case EXCEPTION_PARAMETER:
      case RESOURCE_VARIABLE: {
        Slot slot = element instanceof VariableElement ? method.slotOf((VariableElement) element) : null;
        out.add("$L", slot == null || copied.contains(element) ? name : slot.name());
        return;
      }
      case FIELD:
      case ENUM_CONSTANT:
      case METHOD:
        if (element.getModifiers().contains(Modifier.STATIC)) {
          out.add("$T.$L", ClassName.get((TypeElement) element.getEnclosingElement()), name);
        } else if (memberOfAnonymousClass(element)) {
          out.add("$L", name);
        } else {
          out.add("$L.$L", selfName, name);
        }
        return;
      case CLASS:
      case INTERFACE:
      case ENUM:
      case ANNOTATION_TYPE:
        out.add("$T", ClassName.get((TypeElement) element));
        return;
      default:
        if (element.getKind().name().equals("RECORD")) {
          out.add("$T", ClassName.get((TypeElement) element));
        } else {
          out.add("$L", name);
        }
    }
  }

  private void memberSelect(TreePath path, MemberSelectTree tree, CodeBlock.Builder out) {
    String name = tree.getIdentifier().toString();
    Element element = trees.getElement(path);
    if (element instanceof TypeElement) {
      out.add("$T", ClassName.get((TypeElement) element));
      return;
    }
    if (name.equals("this")) {
      out.add("$L", selfName);
      return;
    }
    if (name.equals("class")) {
      out.add("$L.class", typeCode(child(path, tree.getExpression())));
      return;
    }
    out.add(exprCode(child(path, tree.getExpression()))).add(".$L", name);
  }

  private void invocation(TreePath path, MethodInvocationTree tree, CodeBlock.Builder out) {
    TreePath select = child(path, tree.getMethodSelect());
    if (!tree.getTypeArguments().isEmpty()) {
      CodeBlock typeArguments = typeArguments(path, tree.getTypeArguments());
      if (tree.getMethodSelect() instanceof MemberSelectTree) {
        MemberSelectTree member = (MemberSelectTree) tree.getMethodSelect();
        out.add(exprCode(child(select, member.getExpression()))).add(".<$L>$L", typeArguments, member.getIdentifier());
      } else {
        Element element = trees.getElement(select);
        if (element.getModifiers().contains(Modifier.STATIC)) {
          out.add("$T.<$L>$L", ClassName.get((TypeElement) element.getEnclosingElement()), typeArguments, element.getSimpleName());
        } else {
          out.add("$L.<$L>$L", selfName, typeArguments, element.getSimpleName());
        }
      }
    } else {
      expr(select, out);
    }
    arguments(path, tree.getArguments(), out);
  }

  /** Prints {@code (a, b, c)}. */
  void arguments(TreePath path, List<? extends ExpressionTree> arguments, CodeBlock.Builder out) {
    out.add("(");
    for (int i = 0; i < arguments.size(); i++) {
      out.add(i == 0 ? "" : ", ").add(exprCode(child(path, arguments.get(i))));
    }
    out.add(")");
  }

  private CodeBlock typeArguments(TreePath path, List<? extends Tree> arguments) {
    CodeBlock.Builder out = CodeBlock.builder();
    for (int i = 0; i < arguments.size(); i++) {
      out.add(i == 0 ? "$L" : ", $L", typeCode(child(path, arguments.get(i))));
    }
    return out.build();
  }

  private void newClass(TreePath path, NewClassTree tree, CodeBlock.Builder out) {
    if (tree.getEnclosingExpression() != null) {
      throw new UnsupportedTreeException(tree, "an inner class creation 'outer.new Inner()'");
    }
    out.add("new ");
    if (!tree.getTypeArguments().isEmpty()) {
      out.add("<$L>", typeArguments(path, tree.getTypeArguments()));
    }
    TreePath type = child(path, tree.getIdentifier());
    if (tree.getIdentifier() instanceof ParameterizedTypeTree
        && ((ParameterizedTypeTree) tree.getIdentifier()).getTypeArguments().isEmpty()) {
      TypeMirror created = trees.getTypeMirror(path);
      out.add("$T<>", ClassName.get((TypeElement) ((javax.lang.model.type.DeclaredType) created).asElement()));
    } else {
      out.add(typeCode(type));
    }
    arguments(path, tree.getArguments(), out);
    if (tree.getClassBody() != null) {
      anonymousBody(child(path, tree.getClassBody()), out);
    }
  }

  /** Whether {@code member} belongs to (or is inherited by) an anonymous class being printed. */
  private boolean memberOfAnonymousClass(Element member) {
    Element owner = member.getEnclosingElement();
    for (TypeElement body : anonymous) {
      if (owner.equals(body) || types.isSubtype(types.erasure(body.asType()), types.erasure(owner.asType()))) {
        return true;
      }
    }
    return false;
  }

  /** The members of an anonymous class: fields, methods and initializers. */
  private void anonymousBody(TreePath path, CodeBlock.Builder out) {
    com.sun.source.tree.ClassTree body = (com.sun.source.tree.ClassTree) path.getLeaf();
    anonymous.push((TypeElement) trees.getElement(path));
    try {
      out.add(" {\n$>");
      for (Tree member : body.getMembers()) {
        TreePath memberPath = child(path, member);
        if (member instanceof com.sun.source.tree.MethodTree) {
          anonymousMethod(memberPath, (com.sun.source.tree.MethodTree) member, out);
        } else if (member instanceof VariableTree) {
          stmt(memberPath, out);
        } else if (member instanceof BlockTree) {
          out.add(((BlockTree) member).isStatic() ? "static " : "");
          block(memberPath, (BlockTree) member, out);
          out.add("\n");
        } else {
          throw new UnsupportedTreeException(member, "a class declared in an anonymous class");
        }
      }
      out.add("$<}");
    } finally {
      anonymous.pop();
    }
  }

  private void anonymousMethod(TreePath path, com.sun.source.tree.MethodTree tree, CodeBlock.Builder out) {
    javax.lang.model.element.ExecutableElement element = (javax.lang.model.element.ExecutableElement) trees.getElement(path);
    if (element == null || element.getKind() == ElementKind.CONSTRUCTOR || tree.getBody() == null) {
      return;
    }
    if (!tree.getTypeParameters().isEmpty()) {
      throw new UnsupportedTreeException(tree, "a generic method in an anonymous class");
    }
    for (com.sun.source.tree.AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (annotation.getAnnotationType().toString().endsWith("Override")) {
        out.add("@Override\n");
      }
    }
    for (Modifier modifier : element.getModifiers()) {
      out.add("$L ", modifier);
    }
    out.add("$T $L(", typeNames.of(element.getReturnType()), element.getSimpleName());
    List<? extends VariableElement> parameters = element.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      TypeMirror type = parameters.get(i).asType();
      boolean varargs = element.isVarArgs() && i == parameters.size() - 1;
      out.add(i == 0 ? "" : ", ");
      if (varargs) {
        out.add("$T... $L", typeNames.of(((javax.lang.model.type.ArrayType) type).getComponentType()), parameters.get(i).getSimpleName());
      } else {
        out.add("$T $L", typeNames.of(type), parameters.get(i).getSimpleName());
      }
    }
    out.add(")");
    List<? extends TypeMirror> thrown = element.getThrownTypes();
    for (int i = 0; i < thrown.size(); i++) {
      out.add(i == 0 ? " throws $T" : ", $T", typeNames.of(thrown.get(i)));
    }
    out.add(" ");
    block(child(path, tree.getBody()), tree.getBody(), out);
    out.add("\n");
  }

  private void newArray(TreePath path, NewArrayTree tree, CodeBlock.Builder out) {
    if (tree.getType() != null) {
      TypeMirror arrayType = trees.getTypeMirror(path);
      TypeMirror element = arrayType;
      int rank = 0;
      while (element.getKind() == TypeKind.ARRAY) {
        element = ((javax.lang.model.type.ArrayType) element).getComponentType();
        rank++;
      }
      out.add("new $T", typeNames.of(element));
      for (ExpressionTree dimension : tree.getDimensions()) {
        out.add("[").add(exprCode(child(path, dimension))).add("]");
      }
      for (int i = tree.getDimensions().size(); i < rank; i++) {
        out.add("[]");
      }
    }
    if (tree.getInitializers() != null) {
      out.add(tree.getType() == null ? "{" : " {");
      List<? extends ExpressionTree> initializers = tree.getInitializers();
      for (int i = 0; i < initializers.size(); i++) {
        out.add(i == 0 ? "" : ", ").add(exprCode(child(path, initializers.get(i))));
      }
      out.add("}");
    }
  }

  private void lambda(TreePath path, LambdaExpressionTree tree, CodeBlock.Builder out) {
    out.add("(");
    List<? extends VariableTree> parameters = tree.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableTree parameter = parameters.get(i);
      out.add(i == 0 ? "" : ", ");
      if (isVar(parameter) || trees.getSourcePositions().getStartPosition(path.getCompilationUnit(), parameter.getType()) < 0) {
        out.add("$L", parameter.getName());
      } else {
        out.add("$T $L", typeNames.of(trees.getElement(child(path, parameter)).asType()), parameter.getName());
      }
    }
    out.add(") -> ");
    TreePath body = child(path, tree.getBody());
    if (tree.getBodyKind() == LambdaExpressionTree.BodyKind.STATEMENT) {
      block(body, (BlockTree) tree.getBody(), out);
    } else {
      expr(body, out);
    }
  }

  private void memberReference(TreePath path, MemberReferenceTree tree, CodeBlock.Builder out) {
    TreePath qualifier = child(path, tree.getQualifierExpression());
    Element qualifierElement = trees.getElement(qualifier);
    if (qualifierElement instanceof TypeElement || qualifierElement == null) {
      out.add(typeCode(qualifier));
    } else {
      expr(qualifier, out);
    }
    out.add("::$L", tree.getMode() == MemberReferenceTree.ReferenceMode.NEW ? "new" : tree.getName());
  }

  private void unary(TreePath path, UnaryTree tree, CodeBlock.Builder out) {
    CodeBlock operand = exprCode(child(path, tree.getExpression()));
    String symbol = Operators.symbol(tree.getKind());
    if (tree.getKind() == Tree.Kind.POSTFIX_INCREMENT || tree.getKind() == Tree.Kind.POSTFIX_DECREMENT) {
      out.add(operand).add(symbol);
    } else {
      out.add(symbol).add(operand);
    }
  }

  private static void literal(LiteralTree tree, CodeBlock.Builder out) {
    Object value = tree.getValue();
    switch (tree.getKind()) {
      case STRING_LITERAL:
        out.add("$S", value);
        break;
      case CHAR_LITERAL:
        out.add("$L", Literals.character((Character) value));
        break;
      case INT_LITERAL:
        out.add("$L", (Integer) value == Integer.MIN_VALUE ? "0x80000000" : value.toString());
        break;
      case LONG_LITERAL:
        out.add("$L", (Long) value == Long.MIN_VALUE ? "0x8000000000000000L" : value + "L");
        break;
      case FLOAT_LITERAL:
        out.add("$LF", value);
        break;
      case DOUBLE_LITERAL:
        out.add("$LD", value);
        break;
      default:
        out.add("$L", String.valueOf(value));
    }
  }

  /** Prints a type tree from its attributed type. */
  private CodeBlock typeCode(TreePath path) {
    TypeMirror type = trees.getTypeMirror(path);
    if (type == null) {
      throw new UnsupportedTreeException(path.getLeaf(), "the type '" + path.getLeaf() + "'");
    }
    return CodeBlock.of("$T", typeNames.of(type));
  }

  private static boolean isEnum(TypeMirror type) {
    return type != null && type.getKind() == TypeKind.DECLARED
        && ((javax.lang.model.type.DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  private static TreePath child(TreePath parent, Tree tree) {
    return new TreePath(parent, tree);
  }

  private static String describe(Tree tree) {
    return tree.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
