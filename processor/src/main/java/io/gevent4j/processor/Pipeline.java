package io.gevent4j.processor;

import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.CallClassifier;
import io.gevent4j.processor.analysis.PrivateMembers;
import io.gevent4j.processor.analysis.SuspensionFinder;
import io.gevent4j.processor.diagnostic.AbortCoroutineException;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import io.gevent4j.processor.emission.CoroutinesFileEmitter;
import io.gevent4j.processor.emission.FactoryEmitter;
import io.gevent4j.processor.emission.MachineEmitter;
import io.gevent4j.processor.emission.Names;
import io.gevent4j.processor.model.UnsupportedTreeException;
import io.gevent4j.processor.lowering.Lowerer;
import io.gevent4j.processor.model.CoroutineMethod;
import io.gevent4j.processor.model.PrivateUse;
import io.gevent4j.processor.validation.AnonymousVarCheck;
import io.gevent4j.processor.validation.BodyValidator;
import io.gevent4j.processor.validation.CoroutineMethodValidator;
import io.gevent4j.processor.validation.OverrideValidator;
import io.gevent4j.processor.validation.YieldingMethodValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The stages, in order, for one class with {@code @Coroutine} methods:
 * <ol>
 *   <li>validate each method's declaration ({@link CoroutineMethodValidator});
 *   <li>find its suspension points ({@link SuspensionFinder}) and validate its body
 *       ({@link BodyValidator});
 *   <li>lower the body into a flat list of instructions ({@link Lowerer});
 *   <li>emit one state machine per method and one {@code FooCoroutines} file per class
 *       ({@link MachineEmitter}, {@link CoroutinesFileEmitter}).
 * </ol>
 * A method with errors gets throwing stub factories, so that its callers see no further errors.
 */
final class Pipeline {
  /** Thrown when a body refers to a type not generated yet: process the class in a later round. */
  static final class DeferredException extends Exception {
    private static final long serialVersionUID = 1L;

    DeferredException(String missing) {
      super(missing, null, false, false);
    }
  }

  private final ProcessingEnvironment environment;
  private final Trees trees;
  private final Diagnostics diagnostics;
  private final CoroutineMethodValidator methodValidator;
  private final OverrideValidator overrideValidator;
  private final AnonymousVarCheck anonymousVarCheck;
  private final YieldingMethodValidator yieldingValidator;
  private final Lowerer lowerer;
  private final MachineEmitter machineEmitter;
  private final FactoryEmitter factoryEmitter;
  private final CoroutinesFileEmitter fileEmitter;
  private final ProcessorOptions options;

  Pipeline(ProcessingEnvironment environment, Trees trees, ProcessorOptions options) {
    this.environment = environment;
    this.trees = trees;
    this.options = options;
    this.diagnostics = new Diagnostics(environment.getMessager(), trees);
    this.methodValidator = new CoroutineMethodValidator(diagnostics);
    this.anonymousVarCheck = new AnonymousVarCheck(trees, diagnostics);
    this.overrideValidator = new OverrideValidator(environment.getElementUtils(), environment.getTypeUtils(), diagnostics);
    this.yieldingValidator = new YieldingMethodValidator(trees, diagnostics);
    this.lowerer = new Lowerer(trees, environment.getTypeUtils(), environment.getElementUtils());
    this.machineEmitter = new MachineEmitter(trees, environment.getTypeUtils());
    this.factoryEmitter = new FactoryEmitter(environment.getTypeUtils());
    this.fileEmitter = new CoroutinesFileEmitter(environment.getFiler(), environment.getElementUtils(), environment.getSourceVersion());
  }

  /** Checks what concerns every class of the round and needs no body: overrides of coroutines. */
  void checkRound(javax.annotation.processing.RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      checkType(type);
      checkLocalClasses(type);
    }
  }

  /**
   * Annotation processing never reports elements of local and anonymous classes, so a
   * {@code @Coroutine} there would be silently ignored: find them in the tree and refuse them.
   */
  private void checkLocalClasses(TypeElement type) {
    TreePath path = trees.getPath(type);
    if (path == null) {
      return;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        if (mentionsCoroutine(node)) {
          javax.lang.model.element.Element method = trees.getElement(getCurrentPath());
          if (method instanceof ExecutableElement && isLocalOrAnonymous(method.getEnclosingElement())) {
            methodValidator.validate((ExecutableElement) method, "the generated class");
          }
        }
        return super.visitMethod(node, unused);
      }
    }.scan(path, null);
  }

  private static boolean isLocalOrAnonymous(javax.lang.model.element.Element type) {
    if (!(type instanceof TypeElement)) {
      return false;
    }
    javax.lang.model.element.NestingKind nesting = ((TypeElement) type).getNestingKind();
    return nesting == javax.lang.model.element.NestingKind.LOCAL || nesting == javax.lang.model.element.NestingKind.ANONYMOUS;
  }

  private static boolean mentionsCoroutine(MethodTree method) {
    for (com.sun.source.tree.AnnotationTree annotation : method.getModifiers().getAnnotations()) {
      String name = annotation.getAnnotationType().toString();
      if (name.equals("Coroutine") || name.endsWith(".Coroutine")) {
        return true;
      }
    }
    return false;
  }

  private void checkType(TypeElement type) {
    overrideValidator.validate(type);
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      checkType(nested);
    }
  }

  /**
   * Checks the shape of the {@code @Yielding} primitives of {@code type} and its nested types.
   * It reads their bodies, so it runs once the round's factories exist (see {@link #writeFactories}).
   */
  void checkYielding(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (CallClassifier.hasAnnotation(method, CallClassifier.YIELDING)) {
        yieldingValidator.validate(method);
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      checkYielding(nested);
    }
  }

  /**
   * Writes {@code FooCoroutines}, the public factories of {@code type}'s coroutines, from their
   * declarations alone: no body is attributed in the round that first sees the class, so that
   * the class's references to its own generated class resolve when it is attributed (javac 23+
   * keeps stale inference results of a body attributed before a class it names exists).
   */
  void writeFactories(TypeElement type) throws IOException {
    List<FieldSpec> fields = new ArrayList<>();
    List<MethodSpec> factories = new ArrayList<>();
    List<ExecutableElement> methods = coroutineMethods(type);
    Map<ExecutableElement, String> machineNames = Names.machineClassNames(methods);
    for (ExecutableElement method : methods) {
      factoryEmitter.addFactories(method, machineNames.get(method), fields, factories);
    }
    fileEmitter.writeFactories(type, fields, factories);
  }

  /**
   * Compiles every {@code @Coroutine} body of {@code type} (whose factories exist) and writes
   * {@code FooCoroutines_Machines}. In the last round ({@code stubsOnly}) it writes throwing
   * frames instead, so that the factories still link while javac reports the unresolved names.
   */
  void writeMachines(TypeElement type, boolean stubsOnly) throws DeferredException, IOException {
    String generatedName = Names.coroutinesClass(type).simpleName();
    List<ExecutableElement> methods = coroutineMethods(type);
    if (!stubsOnly) {
      for (ExecutableElement method : methods) {
        checkResolved(method);
      }
      anonymousVarCheck.check(trees.getPath(type));
    }
    List<TypeSpec> machines = new ArrayList<>();
    List<MethodSpec> frameFactories = new ArrayList<>();
    Map<ExecutableElement, String> machineNames = Names.machineClassNames(methods);
    Map<Element, Set<PrivateUse>> privateUses = new LinkedHashMap<>();
    Map<String, String[]> sources = new LinkedHashMap<>();
    for (ExecutableElement method : methods) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        methodValidator.validate(method, generatedName); // no body, no machine: FooCoroutines dispatches
        continue;
      }
      MachineEmitter.Output output = stubsOnly ? null : compile(method, generatedName, machineNames.get(method), privateUses);
      if (output == null) {
        frameFactories.add(machineEmitter.stub(method));
      } else {
        machines.add(output.machine());
        frameFactories.add(output.frameFactory());
        sources.put(output.machine().name, output.source());
      }
    }
    machines.addAll(machineEmitter.privateAccessors(type, privateUses));
    if (!frameFactories.isEmpty()) {
      fileEmitter.writeMachines(type, machines, frameFactories, sources);
    }
  }

  /** Compiles one coroutine; adds the private members its body uses to {@code privateUses} when it succeeds. */
  private MachineEmitter.Output compile(ExecutableElement method, String generatedName, String machineName,
      Map<Element, Set<PrivateUse>> privateUses) {
    if (!methodValidator.validate(method, generatedName)) {
      return null;
    }
    TreePath path = trees.getPath(method);
    try {
      CallClassifier classifier = new CallClassifier(options.monkeyPatch(method), options.blockingMarkers());
      SuspensionFinder.Result found = new SuspensionFinder(trees, classifier).find(path);
      BodyValidator bodyValidator = new BodyValidator(trees, environment.getElementUtils(), environment.getTypeUtils(), diagnostics, classifier);
      if (!bodyValidator.validate(path, found, generatedName)) {
        return null;
      }
      CoroutineMethod lowered = lowerer.lower(path, found);
      MachineEmitter.Output output = machineEmitter.emit(lowered, machineName);
      for (Map.Entry<Element, Set<PrivateUse>> use : PrivateMembers.find(trees, environment.getTypeUtils(), path).entrySet()) {
        privateUses.computeIfAbsent(use.getKey(), e -> EnumSet.noneOf(PrivateUse.class)).addAll(use.getValue());
      }
      return output;
    } catch (UnsupportedTreeException e) {
      diagnostics.report(Message.UNSUPPORTED_CONSTRUCT, e.tree(), path.getCompilationUnit(), e.what());
      return null;
    } catch (AbortCoroutineException e) {
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      diagnostics.report(Message.INTERNAL_ERROR, method, e);
      return null;
    }
  }

  /**
   * Whether {@code path} is a name javac could not resolve: a simple name, or a qualified name on
   * a package (errors derived from those, such as a call with an unresolved argument, do not
   * count). A {@code FooCoroutines} counts like any other: bodies are compiled the round after
   * their factories are written, so one that is still missing is another class's, written later.
   */
  private boolean isUnresolvedName(TreePath path) {
    com.sun.source.tree.Tree node = path.getLeaf();
    String name;
    if (node instanceof com.sun.source.tree.IdentifierTree) {
      name = ((com.sun.source.tree.IdentifierTree) node).getName().toString();
    } else if (node instanceof com.sun.source.tree.MemberSelectTree
        && trees.getElement(new TreePath(path, ((com.sun.source.tree.MemberSelectTree) node).getExpression()))
            instanceof javax.lang.model.element.PackageElement) {
      name = ((com.sun.source.tree.MemberSelectTree) node).getIdentifier().toString();
    } else {
      return false;
    }
    javax.lang.model.element.Element element = trees.getElement(path);
    TypeMirror type = trees.getTypeMirror(path);
    return element == null || element.asType().getKind() == TypeKind.ERROR
        || element.getKind() == javax.lang.model.element.ElementKind.OTHER
        || (type != null && type.getKind() == TypeKind.ERROR);
  }

  private static List<ExecutableElement> coroutineMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (CallClassifier.hasAnnotation(method, ProcessorOptions.COROUTINE)) {
        methods.add(method);
      }
    }
    return methods;
  }

  /**
   * Attributes the method's body (javac attributes a class lazily, on the first query of an
   * element inside it) and throws if any name in it is still unresolved.
   */
  private void checkResolved(ExecutableElement method) throws DeferredException {
    TreePath path = trees.getPath(method);
    MethodTree tree = path == null ? null : (MethodTree) path.getLeaf();
    if (tree == null || tree.getBody() == null) {
      return;
    }
    for (StatementTree statement : tree.getBody().getStatements()) {
      trees.getElement(new TreePath(new TreePath(path, tree.getBody()), statement));
      break;
    }
    String[] missing = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(com.sun.source.tree.Tree node, Void unused) {
        if (missing[0] != null || node == null) {
          return null;
        }
        if (isUnresolvedName(new TreePath(getCurrentPath() == null ? path : getCurrentPath(), node))) {
          missing[0] = node.toString();
          return null;
        }
        return super.scan(node, unused);
      }
    }.scan(path, null);
    if (missing[0] != null) {
      throw new DeferredException(missing[0]);
    }
  }
}
