package io.gevent4j.processor.validation;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.analysis.HiddenArguments;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import io.gevent4j.processor.javac.TreeCompat;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Refuses the uses of private classes that the generated code, which holds their values as
 * {@code Object}s and reaches their members through accessors (ARCHITECTURE, "Private classes"),
 * cannot express: generic private classes, arrays of them created, patterns, exceptions,
 * subclasses declared in the body, members they inherit from a generic class that use its type
 * variables, fields they inherit, their values where another class or interface is expected
 * other than as a call's argument (a variable, a return, a lambda's result, a for loop's Iterable),
 * and as a call's argument where a generic class is expected that the cast cannot name
 * ({@link HiddenArguments}).
 */
final class HiddenClassCheck extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final Types types;
  private final Diagnostics diagnostics;
  private final CompilationUnitTree unit;
  private final String generatedClassName;
  private final TypeMirror returnType;
  private final Tree method;
  private final Set<Tree> reported = Collections.newSetFromMap(new IdentityHashMap<Tree, Boolean>());

  HiddenClassCheck(Trees trees, Types types, Diagnostics diagnostics, TreePath methodPath, String generatedClassName) {
    this.trees = trees;
    this.types = types;
    this.diagnostics = diagnostics;
    this.unit = methodPath.getCompilationUnit();
    this.generatedClassName = generatedClassName;
    this.returnType = ((ExecutableElement) trees.getElement(methodPath)).getReturnType();
    this.method = methodPath.getLeaf();
  }

  @Override
  public Void scan(Tree tree, Void unused) {
    if (tree != null && tree.getKind().name().endsWith("_PATTERN")) { // a binding or record pattern, in a case too
      TypeElement hidden = Declarations.privateTypeIn(trees.getTypeMirror(new TreePath(getCurrentPath(), tree)));
      if (hidden != null) {
        refuse(tree, hidden, "in a pattern (test with instanceof, then cast)");
        return null;
      }
    }
    if (tree != null && (tree.getKind() == Tree.Kind.SWITCH || tree.getKind().name().equals("SWITCH_EXPRESSION"))) {
      checkSwitch(new TreePath(getCurrentPath(), tree));
    }
    if (tree instanceof ExpressionTree && !(tree instanceof LambdaExpressionTree)) {
      TypeElement generic = genericHiddenIn(trees.getTypeMirror(new TreePath(getCurrentPath(), tree)));
      if (generic != null) {
        refuse(tree, generic, "as a generic class");
        return null;
      }
    }
    return super.scan(tree, unused);
  }

  /** A switch on a private class's value with patterns or {@code case null}: its cases are not constants. */
  private void checkSwitch(TreePath path) {
    Tree tree = path.getLeaf();
    ExpressionTree selector = tree.getKind() == Tree.Kind.SWITCH ? ((com.sun.source.tree.SwitchTree) tree).getExpression()
        : TreeCompat.switchExpressionSelector(tree);
    TypeElement hidden = hiddenClassOf(new TreePath(path, selector));
    if (hidden == null) {
      return;
    }
    java.util.List<? extends com.sun.source.tree.CaseTree> cases = tree.getKind() == Tree.Kind.SWITCH
        ? ((com.sun.source.tree.SwitchTree) tree).getCases() : TreeCompat.switchExpressionCases(tree);
    for (com.sun.source.tree.CaseTree caseTree : cases) {
      if (TreeCompat.matchesByPattern(caseTree)) {
        refuse(caseTree, hidden, "as the selector of a switch with patterns or case null");
        return;
      }
    }
  }

  @Override
  public Void visitNewArray(NewArrayTree node, Void unused) {
    TypeMirror type = trees.getTypeMirror(getCurrentPath());
    TypeElement hidden = type instanceof ArrayType ? hiddenElementOf((ArrayType) type) : null;
    if (hidden != null) {
      refuse(node, hidden, "as the element type of an array created in a coroutine");
    }
    return super.visitNewArray(node, unused);
  }

  @Override
  public Void visitCatch(CatchTree node, Void unused) {
    TypeElement hidden = Declarations.privateTypeIn(trees.getTypeMirror(new TreePath(new TreePath(getCurrentPath(),
        node.getParameter()), node.getParameter().getType())));
    if (hidden != null) {
      refuse(node.getParameter(), hidden, "as an exception");
    }
    return super.visitCatch(node, unused);
  }

  @Override
  public Void visitThrow(ThrowTree node, Void unused) {
    TypeElement hidden = hiddenClassOf(new TreePath(getCurrentPath(), node.getExpression()));
    if (hidden != null) {
      refuse(node, hidden, "as an exception");
    }
    return super.visitThrow(node, unused);
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    TypeElement local = (TypeElement) trees.getElement(getCurrentPath());
    for (TypeMirror supertype : types.directSupertypes(local.asType())) {
      TypeElement hidden = Declarations.privateTypeIn(supertype);
      if (hidden != null) {
        refuse(node, hidden, "as a superclass or interface of a class declared in a coroutine");
        return null;
      }
    }
    return super.visitClass(node, unused);
  }

  /** What javac makes up in a local class (a record's members) is not the user's. */
  @Override
  public Void visitMethod(MethodTree node, Void unused) {
    return trees.getSourcePositions().getStartPosition(unit, node) < 0 ? null : super.visitMethod(node, unused);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    Element called = trees.getElement(getCurrentPath());
    TypeElement hidden = receiverHiddenClass(node.getMethodSelect());
    if (hidden != null && called instanceof ExecutableElement && !Declarations.needsAccessor(called)
        && usesClassVariables((ExecutableElement) called)) {
      refuse(node, hidden, "to call " + called.getSimpleName() + "(), which it inherits from generic "
          + called.getEnclosingElement().getSimpleName());
    }
    checkArguments(called, node.getArguments());
    return super.visitMethodInvocation(node, unused);
  }

  @Override
  public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void unused) {
    checkArguments(trees.getElement(getCurrentPath()), node.getArguments());
    return super.visitNewClass(node, unused);
  }

  /**
   * The arguments of the call visited, of {@code callee}, of a private class where a generic class
   * is expected and the cast the generated code needs ({@link HiddenArguments#castOf}) cannot be
   * written without a raw type: one that names the private class itself, or as a generic method's
   * type argument, a type variable ({@code <T extends Comparable<T>>}) or a raw type. A raw cast
   * would make the call unchecked, its result's type erased.
   */
  private void checkArguments(Element callee, java.util.List<? extends ExpressionTree> arguments) {
    if (!(callee instanceof ExecutableElement)) {
      return;
    }
    ExecutableElement executable = (ExecutableElement) callee;
    for (int i = 0; i < arguments.size(); i++) {
      TypeMirror cast = HiddenArguments.castOf(trees, types, getCurrentPath(), executable, i);
      if (cast != null && !HiddenArguments.nameable(executable, cast)) {
        TypeMirror parameter = types.erasure(HiddenArguments.declaredParameter(executable, i, arguments.size()));
        refuse(arguments.get(i), hiddenClassOf(new TreePath(getCurrentPath(), arguments.get(i))), "as an argument of "
            + (callee.getKind() == ElementKind.CONSTRUCTOR ? "new " + callee.getEnclosingElement().getSimpleName()
                : callee.getSimpleName()) + "(), where a generic " + types.asElement(parameter).getSimpleName() + " is expected");
      }
    }
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void unused) {
    Element selected = trees.getElement(getCurrentPath());
    TypeElement hidden = receiverHiddenClass(node);
    if (hidden != null && selected != null && selected.getKind() == ElementKind.FIELD && !Declarations.needsAccessor(selected)
        && !Declarations.isPrivateConstant(selected)) {
      refuse(node, hidden, "to read field " + selected.getSimpleName() + ", which it inherits");
    }
    return super.visitMemberSelect(node, unused);
  }

  @Override
  public Void visitVariable(VariableTree node, Void unused) {
    if (node.getInitializer() != null) {
      checkConversion(new TreePath(getCurrentPath(), node.getInitializer()), trees.getElement(getCurrentPath()).asType());
    }
    return super.visitVariable(node, unused);
  }

  @Override
  public Void visitAssignment(AssignmentTree node, Void unused) {
    checkConversion(new TreePath(getCurrentPath(), node.getExpression()),
        trees.getTypeMirror(new TreePath(getCurrentPath(), node.getVariable())));
    return super.visitAssignment(node, unused);
  }

  @Override
  public Void visitReturn(ReturnTree node, Void unused) {
    TreePath owner = returnsFrom();
    if (node.getExpression() != null && owner != null) {
      checkConversion(new TreePath(getCurrentPath(), node.getExpression()),
          owner.getLeaf() == method ? returnType : lambdaResult(owner));
    }
    return super.visitReturn(node, unused);
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    if (node.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
      checkConversion(new TreePath(getCurrentPath(), node.getBody()), lambdaResult(getCurrentPath()));
    }
    return super.visitLambdaExpression(node, unused);
  }

  /** The result type of the function a lambda implements ({@code Supplier<Runnable>}: {@code Runnable}), or null. */
  private TypeMirror lambdaResult(TreePath lambda) {
    TypeMirror target = trees.getTypeMirror(lambda);
    if (target == null || target.getKind() != TypeKind.DECLARED) {
      return null;
    }
    ExecutableElement function = abstractMethodOf((TypeElement) ((DeclaredType) target).asElement());
    return function == null ? null
        : ((javax.lang.model.type.ExecutableType) types.asMemberOf((DeclaredType) target, function)).getReturnType();
  }

  /** The abstract method of functional interface {@code type} (not one of Object's), or null. */
  private ExecutableElement abstractMethodOf(TypeElement type) {
    for (ExecutableElement candidate : javax.lang.model.util.ElementFilter.methodsIn(type.getEnclosedElements())) {
      String name = candidate.getSimpleName().toString();
      if (candidate.getModifiers().contains(Modifier.ABSTRACT)
          && !(name.equals("equals") || name.equals("hashCode") || name.equals("toString"))) {
        return candidate;
      }
    }
    for (TypeMirror parent : type.getInterfaces()) {
      ExecutableElement inherited = abstractMethodOf((TypeElement) types.asElement(parent));
      if (inherited != null) {
        return inherited;
      }
    }
    return null;
  }

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
    TypeElement hidden = hiddenClassOf(new TreePath(getCurrentPath(), node.getExpression()));
    if (hidden != null) {
      refuse(node.getExpression(), hidden, "as the Iterable of a for loop");
    }
    return super.visitEnhancedForLoop(node, unused);
  }

  /** A value of a private class where another class is expected: the generated code's Object is not one. */
  private void checkConversion(TreePath value, TypeMirror target) {
    TypeElement hidden = hiddenClassOf(value);
    if (hidden == null || target == null || target.getKind() != TypeKind.DECLARED || Declarations.privateTypeIn(target) != null
        || ((TypeElement) types.asElement(target)).getQualifiedName().contentEquals("java.lang.Object")) {
      return;
    }
    refuse(value.getLeaf(), hidden, "as a value of " + types.asElement(target).getSimpleName()
        + " (declare it as " + hidden.getSimpleName() + ")");
  }

  /** The coroutine or lambda that a {@code return} visited returns from; null inside a class of the body. */
  private TreePath returnsFrom() {
    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf == method) {
        return p;
      }
      if (leaf instanceof ClassTree || leaf instanceof MethodTree) {
        return null;
      }
    }
    return null;
  }

  /** The private class that the receiver of {@code select} is of, or null. */
  private TypeElement receiverHiddenClass(Tree select) {
    if (!(select instanceof MemberSelectTree)) {
      return null;
    }
    TreePath receiver = new TreePath(new TreePath(getCurrentPath(), select), ((MemberSelectTree) select).getExpression());
    Element element = trees.getElement(receiver);
    return element instanceof TypeElement ? null : hiddenClassOf(receiver); // Foo.m(): a static member
  }

  /** The private class that the expression at {@code path} is of, or null. */
  private TypeElement hiddenClassOf(TreePath path) {
    return Declarations.hiddenClassOf(trees.getTypeMirror(path));
  }


  private TypeElement hiddenElementOf(ArrayType type) {
    TypeMirror component = type.getComponentType();
    while (component instanceof ArrayType) {
      component = ((ArrayType) component).getComponentType();
    }
    return Declarations.privateTypeIn(component);
  }

  /** The first generic private class {@code type} names, or null. */
  private TypeElement genericHiddenIn(TypeMirror type) {
    if (type == null) {
      return null;
    }
    if (type instanceof ArrayType) {
      return genericHiddenIn(((ArrayType) type).getComponentType());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (Declarations.isHidden(element) && !element.getTypeParameters().isEmpty()) {
      return element;
    }
    for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
      TypeElement hidden = genericHiddenIn(argument);
      if (hidden != null) {
        return hidden;
      }
    }
    return null;
  }

  /** Whether {@code method}'s parameters or result use its class's type variables ({@code compareTo(E)}). */
  private static boolean usesClassVariables(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    Element declaring = method.getEnclosingElement();
    if (usesVariablesOf(method.getReturnType(), declaring)) {
      return true;
    }
    for (javax.lang.model.element.VariableElement parameter : method.getParameters()) {
      if (usesVariablesOf(parameter.asType(), declaring)) {
        return true;
      }
    }
    return false;
  }

  private static boolean usesVariablesOf(TypeMirror type, Element declaring) {
    switch (type.getKind()) {
      case TYPEVAR:
        return ((javax.lang.model.type.TypeVariable) type).asElement().getEnclosingElement().equals(declaring);
      case ARRAY:
        return usesVariablesOf(((ArrayType) type).getComponentType(), declaring);
      case WILDCARD: {
        javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) type;
        TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound != null && usesVariablesOf(bound, declaring);
      }
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (usesVariablesOf(argument, declaring)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private void refuse(Tree node, TypeElement hidden, String how) {
    if (reported.add(node)) {
      diagnostics.report(Message.PRIVATE_CLASS_USE, node, unit, hidden.getSimpleName(), generatedClassName, how);
    }
  }
}
