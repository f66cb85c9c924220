package io.gevent4j.processor.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the method a call names when javac could not type its receiver yet, from declared
 * signatures: in the first round, {@code FooCoroutines.child()} names a class this very round
 * generates, so {@code Gevent.spawn(FooCoroutines.child()).join()} has no type; but the factory is
 * declared to return a {@code Greenlet} and {@code spawn} to return one too, so {@code join} is
 * {@code Greenlet.join()}, a {@code @Yielding} call.
 */
public final class DeclaredSignatures {
  private static final String GREENLET = "io.gevent4j.Greenlet";
  private static final String GENERATED_SUFFIX = "Coroutines";

  private final Trees trees;
  private final Elements elements;
  private final Types types;

  public DeclaredSignatures(Trees trees, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
  }

  /** The method called at {@code invocation}, or null when it cannot be known. */
  public ExecutableElement method(TreePath invocation) {
    Element element = trees.getElement(invocation);
    if (element instanceof ExecutableElement) {
      return (ExecutableElement) element;
    }
    MethodInvocationTree call = (MethodInvocationTree) invocation.getLeaf();
    if (!(call.getMethodSelect() instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
    TypeElement receiver = receiverType(new TreePath(new TreePath(invocation, select), select.getExpression()));
    if (receiver == null) {
      return null;
    }
    List<ExecutableElement> candidates = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(receiver))) {
      if (method.getSimpleName().contentEquals(select.getIdentifier())
          && method.getParameters().size() == call.getArguments().size() && !method.isVarArgs()) {
        candidates.add(method);
      }
    }
    return candidates.size() == 1 ? candidates.get(0) : null;
  }

  /** The class of the value of {@code expression}, by its type or the declared result of its call. */
  private TypeElement receiverType(TreePath expression) {
    Tree tree = expression.getLeaf();
    if (tree instanceof ParenthesizedTree) {
      return receiverType(new TreePath(expression, ((ParenthesizedTree) tree).getExpression()));
    }
    TypeMirror type = trees.getTypeMirror(expression);
    if (type != null && type.getKind() == TypeKind.DECLARED) {
      return (TypeElement) ((DeclaredType) type).asElement();
    }
    if (!(tree instanceof MethodInvocationTree)) {
      return null;
    }
    if (isGeneratedFactory((MethodInvocationTree) tree, expression.getCompilationUnit())) {
      return elements.getTypeElement(GREENLET);
    }
    ExecutableElement method = method(expression);
    if (method == null) {
      return null;
    }
    TypeMirror result = types.erasure(method.getReturnType());
    return result.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) result).asElement() : null;
  }

  /**
   * Whether {@code call} is {@code FooCoroutines.m(...)} of a class that declares a
   * {@code @Coroutine} method {@code m}: a greenlet factory generated in this round.
   */
  private boolean isGeneratedFactory(MethodInvocationTree call, com.sun.source.tree.CompilationUnitTree unit) {
    if (!(call.getMethodSelect() instanceof MemberSelectTree)) {
      return false;
    }
    MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
    ExpressionTree qualifier = select.getExpression();
    String generated = qualifier instanceof IdentifierTree ? ((IdentifierTree) qualifier).getName().toString()
        : qualifier instanceof MemberSelectTree ? ((MemberSelectTree) qualifier).getIdentifier().toString() : "";
    if (!generated.endsWith(GENERATED_SUFFIX)) {
      return false;
    }
    String simple = generated.substring(0, generated.length() - GENERATED_SUFFIX.length());
    String packageName = qualifier instanceof MemberSelectTree ? ((MemberSelectTree) qualifier).getExpression().toString()
        : unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    TypeElement owner = classNamed(packageName, simple);
    if (owner == null) {
      return false;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(select.getIdentifier())
          && CallClassifier.hasAnnotation(method, CallClassifier.COROUTINE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class whose generated class is {@code simple + "Coroutines"} ({@code Foo},
   * {@code Outer_Inner}), in {@code packageName}, or null.
   */
  private TypeElement classNamed(String packageName, String simple) {
    String prefix = packageName.isEmpty() ? "" : packageName + ".";
    return elements.getTypeElement(prefix + simple.replace('_', '.'));
  }
}
