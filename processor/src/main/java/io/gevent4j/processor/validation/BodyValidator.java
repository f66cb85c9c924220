package io.gevent4j.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.CallClassifier;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.analysis.Nesting;
import io.gevent4j.processor.analysis.PrivateReferences;
import io.gevent4j.processor.analysis.SuspensionFinder;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import io.gevent4j.processor.model.CallKind;
import io.gevent4j.processor.model.SuspensionPoint;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * Checks a coroutine body: each suspension point is where the state machine can suspend, the body
 * uses only members the generated class can reach, and blocking JDK calls are warned about.
 */
public final class BodyValidator {
  private static final String SUPPRESS_BLOCKING = "gevent4j:blocking";

  private final Trees trees;
  private final Elements elements;
  private final javax.lang.model.util.Types types;
  private final Diagnostics diagnostics;
  private final CallClassifier classifier;
  private final IndirectSuspensionCheck indirect;

  public BodyValidator(Trees trees, Elements elements, javax.lang.model.util.Types types, Diagnostics diagnostics,
      CallClassifier classifier) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.classifier = classifier;
    this.indirect = new IndirectSuspensionCheck(trees, diagnostics);
  }

  /** Reports every problem in the body at {@code methodPath}; returns whether there was none. */
  public boolean validate(TreePath methodPath, SuspensionFinder.Result found, String generatedClassName) {
    int errors = diagnostics.errorCount();
    MethodTree method = (MethodTree) methodPath.getLeaf();
    CompilationUnitTree unit = methodPath.getCompilationUnit();
    for (SuspensionPoint point : found.points()) {
      checkPlacement(point, method, unit);
    }
    new AccessScanner(methodPath, generatedClassName).scan(new TreePath(methodPath, method.getBody()), null);
    new HiddenClassCheck(trees, types, diagnostics, methodPath, generatedClassName).scan(new TreePath(methodPath, method.getBody()), null);
    warnBlockingCalls(methodPath, found);
    return diagnostics.errorCount() == errors;
  }

  private void checkPlacement(SuspensionPoint point, MethodTree method, CompilationUnitTree unit) {
    String name = point.method().getSimpleName().toString();
    Tree call = point.tree();
    for (TreePath path = point.call().getParentPath(); path.getLeaf() != method; path = path.getParentPath()) {
      switch (path.getLeaf().getKind()) {
        case LAMBDA_EXPRESSION:
          diagnostics.report(Message.SUSPENSION_IN_LAMBDA, call, unit, name);
          return;
        case SYNCHRONIZED:
          diagnostics.report(Message.SUSPENSION_IN_SYNCHRONIZED, call, unit, name);
          return;
        default:
          if (path.getLeaf() instanceof com.sun.source.tree.ClassTree) { // classes, local records, enums, interfaces
            diagnostics.report(Message.SUSPENSION_IN_CLASS, call, unit, name);
            return;
          }
          break;
      }
    }
  }

  /**
   * Warns about each blocking call left as it is: a method call the finder found, a constructor
   * that blocks ({@code new Socket(host, port)}) or a method reference to a blocking method,
   * unless a declaration around it suppresses {@code gevent4j:blocking}.
   */
  private void warnBlockingCalls(TreePath methodPath, SuspensionFinder.Result found) {
    if (isSuppressed(trees.getElement(methodPath))) {
      return;
    }
    for (TreePath call : found.blockingCalls()) {
      warnBlocking(call, (ExecutableElement) trees.getElement(call), methodPath);
    }
    MethodTree method = (MethodTree) methodPath.getLeaf();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        Element constructor = trees.getElement(getCurrentPath());
        if (constructor instanceof ExecutableElement && classifier.classify((ExecutableElement) constructor) == CallKind.BLOCKING) {
          warnBlocking(getCurrentPath(), (ExecutableElement) constructor, methodPath);
        }
        return super.visitNewClass(node, unused);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        Element referenced = trees.getElement(getCurrentPath());
        CallKind kind = referenced instanceof ExecutableElement ? classifier.classify((ExecutableElement) referenced) : CallKind.PLAIN;
        if (kind == CallKind.BLOCKING || kind == CallKind.PATCHED) { // a method reference is never patched
          warnBlocking(getCurrentPath(), (ExecutableElement) referenced, methodPath);
        }
        return super.visitMemberReference(node, unused);
      }
    }.scan(new TreePath(methodPath, method.getBody()), null);
  }

  private void warnBlocking(TreePath call, ExecutableElement called, TreePath methodPath) {
    if (isSuppressedAround(call, methodPath.getLeaf())) {
      return;
    }
    Message message = Nesting.insideLambdaOrClass(call) || call.getLeaf() instanceof MemberReferenceTree ? Message.BLOCKING_CALL_IN_LAMBDA
        : classifier.patchable(called) ? Message.BLOCKING_CALL : Message.BLOCKING_CALL_NOT_PATCHABLE;
    diagnostics.report(message, call.getLeaf(), methodPath.getCompilationUnit(), CallClassifier.describe(called), classifier.advice(called));
  }

  /**
   * Whether a declaration between {@code call} and the coroutine {@code method} (a local
   * variable, a method or class of the body) suppresses {@code gevent4j:blocking}.
   */
  private boolean isSuppressedAround(TreePath call, Tree method) {
    for (TreePath path = call.getParentPath(); path != null && path.getLeaf() != method; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof VariableTree || leaf instanceof MethodTree || leaf instanceof com.sun.source.tree.ClassTree) {
        Element declared = trees.getElement(path);
        if (declared != null && suppresses(declared)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code element} or a declaration enclosing it suppresses {@code gevent4j:blocking}. */
  private boolean isSuppressed(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (suppresses(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean suppresses(Element element) {
    SuppressWarnings suppress = element.getAnnotation(SuppressWarnings.class);
    return suppress != null && java.util.Arrays.asList(suppress.value()).contains(SUPPRESS_BLOCKING);
  }

  /** Checks names the generated class must be able to reach, and constructs it cannot print. */
  private final class AccessScanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final Element owner;
    private final PackageElement generatedPackage;
    private final String generatedClassName;
    private final Tree method;
    private final Set<Tree> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Tree, Boolean>());

    AccessScanner(TreePath methodPath, String generatedClassName) {
      this.unit = methodPath.getCompilationUnit();
      this.owner = trees.getElement(methodPath).getEnclosingElement();
      this.generatedPackage = elements.getPackageOf(owner);
      this.generatedClassName = generatedClassName;
      this.method = methodPath.getLeaf();
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      // In a lambda `super` still means the coroutine's class, which the generated code is not.
      if (node.getName().contentEquals("super") && !Nesting.insideLocalClass(getCurrentPath())) {
        if (!callsSuperCoroutine(getCurrentPath()) && !callsPlainSuper(getCurrentPath())) {
          error(Message.SUPER_ACCESS, node);
        }
      } else {
        Element element = trees.getElement(getCurrentPath());
        checkAccess(node, element);
      }
      return null;
    }

    /**
     * Whether the {@code super} at {@code path} is the receiver of a call of a {@code @Coroutine}
     * made by the body itself (not a lambda): a suspension point that runs that method's own body.
     */
    private boolean callsSuperCoroutine(TreePath path) {
      return path.getParentPath().getLeaf() instanceof MemberSelectTree && callsCoroutine(path.getParentPath());
    }

    /** Whether the {@code super} at {@code path} is the receiver of a call of a plain method (made through an accessor). */
    private boolean callsPlainSuper(TreePath path) {
      return Declarations.plainSuperCall(trees, path.getParentPath(), (javax.lang.model.element.TypeElement) owner) != null;
    }

    /**
     * Whether {@code select} names the method of a call of a {@code @Coroutine} made by the body
     * itself (not a lambda): the generated code creates its frame through the public
     * {@code FooCoroutines}, so it needs no access to the method.
     */
    private boolean callsCoroutine(TreePath select) {
      TreePath call = select.getParentPath();
      if (!(call.getLeaf() instanceof com.sun.source.tree.MethodInvocationTree)
          || ((com.sun.source.tree.MethodInvocationTree) call.getLeaf()).getMethodSelect() != select.getLeaf()
          || Nesting.insideLambdaOrClass(call)) {
        return false;
      }
      Element called = trees.getElement(call);
      return called instanceof ExecutableElement && classifier.classify((ExecutableElement) called) == io.gevent4j.processor.model.CallKind.COROUTINE;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      if (node.getIdentifier().contentEquals("super") && !Nesting.insideLocalClass(getCurrentPath())) {
        Element qualifier = trees.getElement(new TreePath(getCurrentPath(), node.getExpression()));
        boolean ownSuper = qualifier != null && (qualifier.equals(owner) || qualifier.getKind().isInterface());
        if (!ownSuper || !callsSuperCoroutine(getCurrentPath()) && !callsPlainSuper(getCurrentPath())) {
          error(Message.SUPER_ACCESS, node); // Iface.super.m(), Outer.super.m()
        }
        return null;
      }
      checkAccess(node, trees.getElement(getCurrentPath()));
      return super.visitMemberSelect(node, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      Element referenced = trees.getElement(getCurrentPath());
      checkAccess(node, referenced);
      CallKind kind = referenced instanceof ExecutableElement ? classifier.classify((ExecutableElement) referenced) : CallKind.PLAIN;
      if (kind == CallKind.YIELDING || kind == CallKind.COROUTINE) { // a blocking one stays blocking: warned
        error(Message.SUSPENSION_IN_METHOD_REFERENCE, node, referenced.getEnclosingElement().getSimpleName() + "::" + referenced.getSimpleName());
      }
      return super.visitMemberReference(node, unused);
    }

    @Override
    public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
      Element called = trees.getElement(getCurrentPath());
      if (called instanceof ExecutableElement && !Nesting.insideLambdaOrClass(getCurrentPath())) {
        indirect.check((ExecutableElement) called, node, unit);
      }
      return super.visitMethodInvocation(node, unused);
    }

    /** What javac makes up in a local class (constructors calling {@code super()}, record members) is not the user's. */
    @Override
    public Void visitMethod(com.sun.source.tree.MethodTree node, Void unused) {
      return trees.getSourcePositions().getStartPosition(unit, node) < 0 ? null : super.visitMethod(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      Element constructor = trees.getElement(getCurrentPath());
      Element checked = node.getClassBody() == null ? constructor : superConstructor(constructor);
      // An anonymous subclass reaches protected constructors of other packages as its own.
      checkAccess(node, checked != null && checked.getModifiers().contains(Modifier.PRIVATE) ? checked : constructor);
      if (constructor instanceof ExecutableElement && node.getClassBody() == null && !Nesting.insideLambdaOrClass(getCurrentPath())) {
        indirect.check((ExecutableElement) constructor, node, unit);
      }
      return super.visitNewClass(node, unused);
    }

    /**
     * The superclass constructor an anonymous class's constructor (made up by javac, with the
     * same parameters) calls; the anonymous one itself if there is none to find.
     */
    private Element superConstructor(Element anonymous) {
      if (!(anonymous instanceof ExecutableElement)) {
        return anonymous;
      }
      javax.lang.model.type.TypeMirror superclass = ((javax.lang.model.element.TypeElement) anonymous.getEnclosingElement()).getSuperclass();
      Element parent = types.asElement(superclass);
      java.util.List<? extends javax.lang.model.element.VariableElement> parameters = ((ExecutableElement) anonymous).getParameters();
      for (ExecutableElement candidate : javax.lang.model.util.ElementFilter.constructorsIn(parent == null
          ? java.util.Collections.<Element>emptyList() : parent.getEnclosedElements())) {
        if (candidate.getParameters().size() == parameters.size() && sameErasures(candidate.getParameters(), parameters)) {
          return candidate;
        }
      }
      return anonymous;
    }

    private boolean sameErasures(java.util.List<? extends javax.lang.model.element.VariableElement> a,
        java.util.List<? extends javax.lang.model.element.VariableElement> b) {
      for (int i = 0; i < a.size(); i++) {
        if (!types.isSameType(types.erasure(a.get(i).asType()), types.erasure(b.get(i).asType()))) {
          return false;
        }
      }
      return true;
    }

    private void checkAccess(Tree node, Element element) {
      if (element == null || element.getKind() == ElementKind.LOCAL_VARIABLE || element.getKind() == ElementKind.PARAMETER
          || element.getKind() == ElementKind.EXCEPTION_PARAMETER || element.getKind() == ElementKind.RESOURCE_VARIABLE
          || element.getKind() == ElementKind.PACKAGE || element.getKind() == ElementKind.TYPE_PARAMETER) {
        return;
      }
      Element owner = element.getEnclosingElement();
      if (owner instanceof javax.lang.model.element.TypeElement
          && ((javax.lang.model.element.TypeElement) owner).getNestingKind().isNested()
          && ((javax.lang.model.element.TypeElement) owner).getNestingKind() != javax.lang.model.element.NestingKind.MEMBER) {
        return; // a member of an anonymous class in the body: printed with it
      }
      Set<Modifier> modifiers = element.getModifiers();
      if (element instanceof javax.lang.model.element.TypeElement && Declarations.isHidden(element)) {
        return; // a private class: held as an Object, its uses checked by HiddenClassCheck
      }
      if (Declarations.isPrivateConstant(element)) {
        return; // the printer writes the constant's value
      }
      if (Declarations.needsAccessor(element)) {
        checkAccessor(node, element);
        return;
      }
      if (modifiers.contains(Modifier.PRIVATE)) {
        error(Message.PRIVATE_ACCESS, node, describe(element), generatedClassName);
      } else if (modifiers.contains(Modifier.PROTECTED) && !elements.getPackageOf(element).equals(generatedPackage)
          && !inSubclassOf(owner) && !callsCoroutine(getCurrentPath())) {
        error(Message.PROTECTED_ACCESS, node, describe(element), generatedClassName);
      }
    }

    /**
     * A private member is reached through a method handle accessor, whose signature names its
     * class and types; what such an accessor cannot express is refused.
     */
    private void checkAccessor(Tree node, Element member) {
      javax.lang.model.element.TypeElement declaring = (javax.lang.model.element.TypeElement) member.getEnclosingElement();
      if (node instanceof MemberReferenceTree && PrivateReferences.form(trees, getCurrentPath(), member) == null) {
        error(Message.PRIVATE_METHOD_REFERENCE, node, describe(member), generatedClassName);
        return;
      }
      boolean constructor = member.getKind() == ElementKind.CONSTRUCTOR;
      if (constructor && (node instanceof NewClassTree && ((NewClassTree) node).getClassBody() != null
          || declaring.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER && !declaring.getModifiers().contains(Modifier.STATIC))) {
        // An anonymous subclass's super(...) call, or an inner class's outer instance: no accessor for those.
        error(Message.PRIVATE_ACCESS, node, describe(member), generatedClassName);
        return;
      }
      // Private classes in the signature are held as Objects; one it throws could not be caught.
      java.util.List<javax.lang.model.type.TypeMirror> signature = new java.util.ArrayList<>();
      if (member instanceof ExecutableElement) {
        signature.addAll(((ExecutableElement) member).getThrownTypes());
      }
      for (javax.lang.model.type.TypeMirror type : signature) {
        javax.lang.model.element.TypeElement hidden = Declarations.privateTypeIn(type);
        if (hidden != null) {
          error(Message.PRIVATE_ACCESS, node, "class " + hidden.getSimpleName(), generatedClassName);
          return;
        }
      }
    }

    /** {@code o.count += 1} on a private field names {@code o} twice: it must be a name, not a computation. */
    @Override
    public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void unused) {
      Tree variable = node.getVariable();
      Element field = trees.getElement(new TreePath(getCurrentPath(), variable));
      if (variable instanceof MemberSelectTree && Declarations.needsAccessor(field) && !field.getModifiers().contains(Modifier.STATIC)
          && !isStable(((MemberSelectTree) variable).getExpression())) {
        error(Message.PRIVATE_COMPOUND_TARGET, node, describe(field), ((MemberSelectTree) variable).getExpression());
      }
      return super.visitCompoundAssignment(node, unused);
    }

    @Override
    public Void visitUnary(com.sun.source.tree.UnaryTree node, Void unused) {
      Element field = trees.getElement(new TreePath(getCurrentPath(), node.getExpression()));
      if (io.gevent4j.processor.analysis.PrivateMembers.step(node.getKind()) != null && Declarations.needsAccessor(field)
          && field.asType().getKind() == javax.lang.model.type.TypeKind.TYPEVAR) {
        error(Message.PRIVATE_GENERIC_STEP, node, describe(field),
            io.gevent4j.processor.model.Operators.symbol(node.getKind()));
      }
      return super.visitUnary(node, unused);
    }

    /** A name, {@code this}, or a chain of field reads: the same value each time it is evaluated. */
    private boolean isStable(Tree tree) {
      while (tree instanceof com.sun.source.tree.ParenthesizedTree) {
        tree = ((com.sun.source.tree.ParenthesizedTree) tree).getExpression();
      }
      if (tree instanceof IdentifierTree) {
        return true;
      }
      return tree instanceof MemberSelectTree && isStable(((MemberSelectTree) tree).getExpression());
    }

    /**
     * Whether the code visited is inside a local or anonymous class that extends {@code owner}: it
     * reaches {@code owner}'s protected members as its own (a record's {@code super()} call too).
     */
    private boolean inSubclassOf(Element owner) {
      for (TreePath p = getCurrentPath(); p != null && p.getLeaf() != method; p = p.getParentPath()) {
        if (p.getLeaf() instanceof com.sun.source.tree.ClassTree) {
          Element local = trees.getElement(p);
          if (local instanceof javax.lang.model.element.TypeElement && owner instanceof javax.lang.model.element.TypeElement
              && isSubclass((javax.lang.model.element.TypeElement) local, (javax.lang.model.element.TypeElement) owner)) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean isSubclass(javax.lang.model.element.TypeElement type, javax.lang.model.element.TypeElement owner) {
      return types.isSubtype(types.erasure(type.asType()), types.erasure(owner.asType()));
    }

    private String describe(Element element) {
      switch (element.getKind()) {
        case METHOD:
          return "method " + element.getEnclosingElement().getSimpleName() + "." + element;
        case CONSTRUCTOR:
          return "constructor " + element.getEnclosingElement().getSimpleName() + "(...)";
        case FIELD:
        case ENUM_CONSTANT:
          return "field " + element.getEnclosingElement().getSimpleName() + "." + element.getSimpleName();
        default:
          return element.getKind().toString().toLowerCase(java.util.Locale.ROOT) + " " + element.getSimpleName();
      }
    }

    private void error(Message message, Tree node, Object... arguments) {
      if (reported.add(node)) {
        diagnostics.report(message, node, unit, arguments);
      }
    }
  }
}
