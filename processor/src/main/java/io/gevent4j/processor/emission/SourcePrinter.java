package io.gevent4j.processor.emission;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.analysis.HiddenArguments;
import io.gevent4j.processor.analysis.PrivateReferences;
import io.gevent4j.processor.javac.TreeCompat;
import io.gevent4j.processor.model.CoroutineMethod;
import io.gevent4j.processor.model.Exit;
import io.gevent4j.processor.model.FrameContract;
import io.gevent4j.processor.model.Slot;
import io.gevent4j.processor.model.UnsupportedTreeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/**
 * Prints source trees for the state machine by copying the user's exact source text and editing
 * only what must change in the generated class (see ARCHITECTURE, "Printing source"):
 * <ul>
 *   <li>a lifted local whose field has another name is renamed;
 *   <li>{@code this} and unqualified members of the coroutine's class (or static imports) are
 *       qualified: {@code self$.count}, {@code Foo.helper()};
 *   <li>type names become JavaPoet types, so the generated file imports them;
 *   <li>{@code break}, {@code continue} and {@code return} that leave the printed statement become
 *       the exits lowering planned (rendered by {@link ExitRenderer}).
 * </ul>
 * Everything else (operators and their grouping, literals, constants, casts, patterns, switch
 * forms, anonymous and local class bodies) is the user's text, so it means what it meant.
 */
final class SourcePrinter {
  private final Trees trees;
  private final Types types;
  private final TypeNames typeNames;
  private final CoroutineMethod method;
  private final String selfName;
  private final ExitRenderer exits;
  private final PrivateAccessors accessors;
  private final CharSequence source;
  private final CompilationUnitTree unit;
  /** Lifted locals printed by their own name: final copies made for the lambdas that capture them. */
  private Set<Element> copied = Collections.emptySet();

  SourcePrinter(Trees trees, Types types, TypeNames typeNames, CoroutineMethod method, String selfName, ExitRenderer exits,
      PrivateAccessors accessors) {
    this.trees = trees;
    this.accessors = accessors;
    this.types = types;
    this.typeNames = typeNames;
    this.method = method;
    this.selfName = selfName;
    this.exits = exits;
    this.unit = method.unit();
    try {
      this.source = unit.getSourceFile().getCharContent(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Wraps {@code code} (printed by {@code print} with the copies in effect) in a block that first
   * copies each captured slot into a final local of the variable's own name.
   */
  CodeBlock withCopies(List<Slot> captured, Supplier<CodeBlock> print) {
    if (captured.isEmpty()) {
      return print.get();
    }
    CodeBlock.Builder out = CodeBlock.builder().add("{\n$>");
    Set<Element> previous = copied;
    copied = new HashSet<>(previous);
    try {
      for (Slot slot : captured) {
        copied.add(slot.variable());
        if (typeNames.mentionsLocalClass(slot.type())) {
          out.addStatement("final $T $L = ($T) this.$L", typeNames.inBody(slot.type()), slot.variable().getSimpleName(),
              typeNames.inBody(slot.type()), slot.name());
        } else {
          out.addStatement("final $T $L = this.$L", typeNames.of(slot.type()), slot.variable().getSimpleName(), slot.name());
        }
      }
      return out.add(print.get()).add("$<}\n").build();
    } finally {
      copied = previous;
    }
  }

  /** Prints a statement, ending with a newline. */
  CodeBlock statement(TreePath path) {
    Tree tree = path.getLeaf();
    if (tree instanceof VariableTree) {
      // Declarators of `int a, b;` share their type tree, so their source ranges overlap.
      return CodeBlock.builder().add(declaration(path, (VariableTree) tree)).add(";\n").build();
    }
    CodeBlock text = text(path, Collections.<Tree, CodeBlock>emptyMap());
    // A for loop's update `i++` is an expression statement without its own semicolon.
    boolean unterminated = tree.getKind() == Tree.Kind.EXPRESSION_STATEMENT
        && source.charAt((int) trees.getSourcePositions().getEndPosition(unit, tree) - 1) != ';';
    return CodeBlock.builder().add(text).add(unterminated ? ";\n" : "\n").build();
  }

  /**
   * Prints an expression as an operand: parenthesized unless it is a primary (a name, literal,
   * call, field or element access, creation), so that it keeps its grouping wherever lowering
   * places it. A type (the type of a cast or {@code instanceof}) is printed as it is.
   */
  CodeBlock expression(TreePath path) {
    return expression(path, Collections.<Tree, CodeBlock>emptyMap());
  }

  /** Prints {@code path} as an operand with the subtrees in {@code substitutions} replaced. */
  CodeBlock expression(TreePath path, Map<Tree, CodeBlock> substitutions) {
    CodeBlock text = text(path, substitutions);
    return isPrimary(path) ? text : CodeBlock.of("($L)", text);
  }

  /** Prints an expression evaluated as a statement (unparenthesized: {@code x = 1}, {@code i++}). */
  CodeBlock statementExpression(TreePath path) {
    return text(path, Collections.<Tree, CodeBlock>emptyMap());
  }

  private static boolean isPrimary(TreePath path) {
    Tree tree = path.getLeaf();
    Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
    if (parent != null && (parent.getKind() == Tree.Kind.TYPE_CAST || parent.getKind() == Tree.Kind.INSTANCE_OF)
        && !(tree instanceof ExpressionTree && isOperandOf(parent, tree))) {
      return true;
    }
    switch (tree.getKind()) {
      case IDENTIFIER:
      case MEMBER_SELECT:
      case METHOD_INVOCATION:
      case ARRAY_ACCESS:
      case PARENTHESIZED:
      case NEW_CLASS:
      case INT_LITERAL:
      case LONG_LITERAL:
      case FLOAT_LITERAL:
      case DOUBLE_LITERAL:
      case BOOLEAN_LITERAL:
      case CHAR_LITERAL:
      case STRING_LITERAL:
      case NULL_LITERAL:
        return true;
      case NEW_ARRAY:
        // `{1, 2}` of a declaration cannot be parenthesized; `new int[n]` must be, before `[i]`.
        return ((com.sun.source.tree.NewArrayTree) tree).getType() == null;
      default:
        return false;
    }
  }

  private static boolean isOperandOf(Tree parent, Tree tree) {
    if (parent instanceof com.sun.source.tree.TypeCastTree) {
      return ((com.sun.source.tree.TypeCastTree) parent).getExpression() == tree;
    }
    return ((com.sun.source.tree.InstanceOfTree) parent).getExpression() == tree;
  }

  /** {@code [final] Type name [= init]} of one declarator. */
  private CodeBlock declaration(TreePath path, VariableTree tree) {
    CodeBlock.Builder out = CodeBlock.builder();
    if (!tree.getModifiers().getFlags().isEmpty() || !tree.getModifiers().getAnnotations().isEmpty()) {
      if (start(tree.getModifiers()) >= 0) {
        out.add(text(new TreePath(path, tree.getModifiers()), Collections.<Tree, CodeBlock>emptyMap())).add(" ");
      } else if (tree.getModifiers().getFlags().contains(Modifier.FINAL)) {
        out.add("final ");
      }
    }
    if (tree.getType() == null || start(tree.getType()) < 0
        || trees.getSourcePositions().getEndPosition(unit, tree.getType()) < start(tree.getType())) {
      out.add("var");
    } else {
      out.add(text(new TreePath(path, tree.getType()), Collections.<Tree, CodeBlock>emptyMap()));
    }
    out.add(" $L", tree.getName());
    if (tree.getInitializer() != null) {
      out.add(" = ").add(text(new TreePath(path, tree.getInitializer()), Collections.<Tree, CodeBlock>emptyMap()));
    }
    return out.build();
  }

  /**
   * The object whose field {@code variable} (a name or {@code o.name} of the body) is: its text,
   * {@code self$} for an unqualified instance field, null for a static field.
   */
  CodeBlock receiverOf(TreePath variable) {
    return new Editor(Collections.<Tree, CodeBlock>emptyMap(), new ArrayDeque<>()).receiverOf(variable);
  }

  /**
   * The instance that has the members of {@code declaring} in the coroutine's class: {@code self$},
   * or for a member of an enclosing class of an inner class, its enclosing instance,
   * {@code Private$Outer$Inner.outer$(self$)} (JLS 15.12.1: the innermost class that has it).
   */
  CodeBlock instanceOf(TypeElement declaring) {
    CodeBlock instance = CodeBlock.of("$L", selfName);
    java.util.List<TypeElement> chain = Declarations.outerChain(method.owner(), declaring, types);
    for (TypeElement inner : chain == null ? Collections.<TypeElement>emptyList() : chain) {
      instance = accessors.outer(inner, instance);
    }
    return instance;
  }

  /** The source text of {@code path} with its edits applied. */
  private CodeBlock text(TreePath path, Map<Tree, CodeBlock> substitutions) {
    return text(path, substitutions, new ArrayDeque<>());
  }

  /** The same, inside the anonymous and local classes {@code classes} (innermost first). */
  private CodeBlock text(TreePath path, Map<Tree, CodeBlock> substitutions, ArrayDeque<TypeElement> classes) {
    Tree tree = path.getLeaf();
    CodeBlock substitute = substitutions.get(tree);
    if (substitute != null) {
      return substitute;
    }
    long start = start(tree);
    long end = trees.getSourcePositions().getEndPosition(unit, tree);
    if (start < 0 || end < start) {
      throw new UnsupportedTreeException(tree, "code without source positions");
    }
    List<Edit> edits = new Editor(substitutions, classes).edits(path);
    edits.sort(Comparator.comparingLong((Edit edit) -> edit.start).thenComparingLong(edit -> edit.end));
    int indent = indentation((int) start, (int) end);
    CodeBlock.Builder out = CodeBlock.builder();
    long at = start;
    for (Edit edit : edits) {
      if (edit.start < at) {
        continue; // inside an edit already applied
      }
      out.add("$L", dedent(source.subSequence((int) at, (int) edit.start), indent));
      addAtColumn(out, edit.replacement, relativeIndentLevels((int) edit.start, indent));
      at = edit.end;
    }
    return out.add("$L", dedent(source.subSequence((int) at, (int) end), indent)).build();
  }

  /**
   * How far the lines of [start, end) after the first are indented in common with the first
   * line: taken off, so that copied text sits at the generated code's own indentation (the same
   * for every line, so a text block's content is unchanged).
   */
  private int indentation(int start, int end) {
    int indent = leadingWhitespace(lineStart(start), start);
    for (int i = start; i < end; i++) {
      if (source.charAt(i) == '\n') {
        int blank = leadingWhitespace(i + 1, end);
        if (i + 1 + blank < end && source.charAt(i + 1 + blank) != '\n' && source.charAt(i + 1 + blank) != '\r') {
          indent = Math.min(indent, blank);
        }
      }
    }
    return indent;
  }

  /**
   * How many indentation levels (two columns each) deeper than the copied text's first line the
   * line holding {@code position} starts, once {@code indent} columns are taken off.
   */
  private int relativeIndentLevels(int position, int indent) {
    return Math.max(0, leadingWhitespace(lineStart(position), position) - indent) / 2;
  }

  /** Where the source line holding {@code position} starts. */
  private int lineStart(int position) {
    int lineStart = position;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    return lineStart;
  }

  /**
   * Adds {@code replacement} where copied text left off, so that its own later lines (a jump's
   * block, say) sit under the line it starts on rather than at the statement's indentation.
   */
  private static void addAtColumn(CodeBlock.Builder out, CodeBlock replacement, int levels) {
    for (int i = 0; i < levels; i++) {
      out.add("$>");
    }
    out.add(replacement);
    for (int i = 0; i < levels; i++) {
      out.add("$<");
    }
  }

  private int leadingWhitespace(int from, int limit) {
    int n = 0;
    while (from + n < limit && (source.charAt(from + n) == ' ' || source.charAt(from + n) == '\t')) {
      n++;
    }
    return n;
  }

  private static String dedent(CharSequence text, int indent) {
    if (indent == 0) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c);
      if (c == '\n') {
        for (int n = 0; n < indent && i + 1 < text.length() && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t'); n++) {
          i++;
        }
      }
    }
    return out.toString();
  }

  private long start(Tree tree) {
    return trees.getSourcePositions().getStartPosition(unit, tree);
  }

  /** A replacement of the source range [start, end). */
  private static final class Edit {
    final long start;
    final long end;
    final CodeBlock replacement;

    Edit(long start, long end, CodeBlock replacement) {
      this.start = start;
      this.end = end;
      this.replacement = replacement;
    }
  }

  /** Finds the edits one printed tree needs. */
  private final class Editor extends TreePathScanner<Void, Void> {
    private final Map<Tree, CodeBlock> substitutions;
    private final List<Edit> edits = new ArrayList<>();
    /** The anonymous and local classes entered, innermost first: their members stay unqualified. */
    private final ArrayDeque<TypeElement> classes;
    /** Type names written exactly as in the source (the class of {@code outer.new Inner()}). */
    private final Set<Tree> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Subtrees already replaced whole, not to be scanned for edits of their own. */
    private final Set<Tree> replacedWhole = Collections.newSetFromMap(new IdentityHashMap<>());
    private int lambdas;

    Editor(Map<Tree, CodeBlock> substitutions, ArrayDeque<TypeElement> classes) {
      this.substitutions = substitutions;
      this.classes = new ArrayDeque<>(classes);
    }

    /** The text of {@code tree}, a subtree of the one visited, with its own edits, in the same classes. */
    private CodeBlock sub(Tree tree) {
      return text(new TreePath(getCurrentPath(), tree), substitutions, classes);
    }

    private CodeBlock sub(TreePath path) {
      return text(path, substitutions, classes);
    }

    /** See {@link SourcePrinter#receiverOf}. */
    CodeBlock receiverOf(TreePath variable) {
      Element field = trees.getElement(variable);
      if (field.getModifiers().contains(Modifier.STATIC)) {
        return null;
      }
      Tree tree = variable.getLeaf();
      return tree instanceof MemberSelectTree
          ? sub(new TreePath(variable, ((MemberSelectTree) tree).getExpression()))
          : instanceOf((TypeElement) field.getEnclosingElement());
    }

    // ------------------------------------------------------------ private members (accessors)

    private VariableElement privateField(Tree variable) {
      Element element = trees.getElement(new TreePath(getCurrentPath(), variable));
      return element instanceof VariableElement && Declarations.needsAccessor(element) ? (VariableElement) element : null;
    }

    /** {@code count = v} on a private field: {@code Private$Foo.count$set(self$, v)}. */
    @Override
    public Void visitAssignment(AssignmentTree node, Void unused) {
      VariableElement field = privateField(node.getVariable());
      if (field == null) {
        return super.visitAssignment(node, unused);
      }
      replace(node, accessors.write(field, receiverOf(new TreePath(getCurrentPath(), node.getVariable())), sub(node.getExpression())));
      return null;
    }

    /** {@code count += v} on a private field (its object is a name: BodyValidator makes sure). */
    @Override
    public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void unused) {
      VariableElement field = privateField(node.getVariable());
      if (field == null) {
        return super.visitCompoundAssignment(node, unused);
      }
      String compound = io.gevent4j.processor.model.Operators.symbol(node.getKind());
      TreePath variable = new TreePath(getCurrentPath(), node.getVariable());
      replace(node, accessors.compound(field, trees.getTypeMirror(variable), receiverOf(variable),
          compound.substring(0, compound.length() - 1), CodeBlock.of("($L)", sub(node.getExpression()))));
      return null;
    }

    /** {@code count++} and the like on a private field: {@code Private$Foo.count$postIncrement(self$)}. */
    @Override
    public Void visitUnary(com.sun.source.tree.UnaryTree node, Void unused) {
      io.gevent4j.processor.model.PrivateUse step = io.gevent4j.processor.analysis.PrivateMembers.step(node.getKind());
      VariableElement field = step == null ? null : privateField(node.getExpression());
      if (field == null) {
        return super.visitUnary(node, unused);
      }
      replace(node, accessors.step(field, step, receiverOf(new TreePath(getCurrentPath(), node.getExpression()))));
      return null;
    }

    /** A call of a private method: {@code Private$Foo.helper$int$(self$, 1)}. */
    @Override
    public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
      javax.lang.model.element.ExecutableElement viaSuper =
          Declarations.plainSuperCall(trees, new TreePath(getCurrentPath(), node.getMethodSelect()), method.owner());
      if (viaSuper != null) { // super.m(...): without virtual dispatch, through an accessor
        CodeBlock self = instanceOf(method.owner());
        CodeBlock typeArguments = typeArguments(node.getTypeArguments());
        List<CodeBlock> arguments = arguments(viaSuper, node.getArguments());
        replace(node, Declarations.needsAccessor(viaSuper) ? accessors.call(viaSuper, self, typeArguments, arguments)
            : accessors.superCall(viaSuper, method.owner(), self, typeArguments, arguments));
        return null;
      }
      Element called = trees.getElement(getCurrentPath());
      if (!Declarations.needsAccessor(called)) {
        if (called instanceof javax.lang.model.element.ExecutableElement) {
          castHiddenReceiver(node, called);
          castHiddenArguments((javax.lang.model.element.ExecutableElement) called, node.getArguments());
        }
        return super.visitMethodInvocation(node, unused);
      }
      CodeBlock receiver = null;
      if (!called.getModifiers().contains(Modifier.STATIC)) {
        Tree select = node.getMethodSelect();
        receiver = select instanceof MemberSelectTree
            ? sub(new TreePath(new TreePath(getCurrentPath(), select), ((MemberSelectTree) select).getExpression()))
            : instanceOf((TypeElement) called.getEnclosingElement());
      }
      replace(node, accessors.call((javax.lang.model.element.ExecutableElement) called, receiver,
          typeArguments(node.getTypeArguments()), arguments((javax.lang.model.element.ExecutableElement) called, node.getArguments())));
      return null;
    }

    /**
     * {@code sq.run()} where {@code sq} is of a private class, held as an {@code Object}, and
     * {@code run} a method of an accessible class or interface: {@code ((Runnable) sq).run()}
     * ({@code ((Enum<?>) state).name()} for a generic one).
     */
    private void castHiddenReceiver(com.sun.source.tree.MethodInvocationTree node, Element called) {
      Tree select = node.getMethodSelect();
      if (!(select instanceof MemberSelectTree) || called.getModifiers().contains(Modifier.STATIC)) {
        return;
      }
      ExpressionTree receiver = ((MemberSelectTree) select).getExpression();
      TreePath receiverPath = new TreePath(new TreePath(getCurrentPath(), select), receiver);
      TypeElement declaring = (TypeElement) called.getEnclosingElement();
      if (Declarations.hiddenClassOf(trees.getTypeMirror(receiverPath)) == null || declaring.getQualifiedName().contentEquals("java.lang.Object")) {
        return;
      }
      replace(receiver, CodeBlock.of("(($T) $L)", typeNames.wildcarded(declaring), sub(receiverPath)));
      replacedWhole.add(receiver);
    }

    /** The arguments of a call of {@code callee}, each {@link #asParameter as its parameter}. */
    private List<CodeBlock> arguments(javax.lang.model.element.ExecutableElement callee, List<? extends ExpressionTree> arguments) {
      List<CodeBlock> printed = new ArrayList<>();
      for (int i = 0; i < arguments.size(); i++) {
        printed.add(asParameter(callee, i, sub(new TreePath(getCurrentPath(), arguments.get(i)))));
      }
      return printed;
    }

    /** The arguments of a call printed in place, where one needs a cast ({@link #asParameter}). */
    private void castHiddenArguments(javax.lang.model.element.ExecutableElement callee, List<? extends ExpressionTree> arguments) {
      for (int i = 0; i < arguments.size(); i++) {
        if (HiddenArguments.castOf(trees, types, getCurrentPath(), callee, i) != null) {
          replace(arguments.get(i), asParameter(callee, i, sub(new TreePath(getCurrentPath(), arguments.get(i)))));
          replacedWhole.add(arguments.get(i));
        }
      }
    }

    /**
     * Argument {@code index} of the call visited, of {@code callee}, as a value of its parameter's
     * type: a value of a private class is an {@code Object} in the generated code, so where an
     * accessible type is expected ({@code runIt(Runnable r)} called with a private {@code Square})
     * it is cast to it ({@link HiddenArguments#castOf}; HiddenClassCheck refused the casts it cannot write).
     */
    private CodeBlock asParameter(javax.lang.model.element.ExecutableElement callee, int index, CodeBlock printed) {
      javax.lang.model.type.TypeMirror cast = HiddenArguments.castOf(trees, types, getCurrentPath(), callee, index);
      return cast != null ? CodeBlock.of("(($T) $L)", typeNames.of(cast), printed) : printed;
    }

    /**
     * A reference to a private member: a reference to its accessor, {@code Private$Foo::helper$int$};
     * bound to {@code this}, a lambda calling it, {@code (ref$0) -> Private$Foo.helper$int$(self$, ref$0)}.
     */
    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      Element member = trees.getElement(getCurrentPath());
      if (!Declarations.needsAccessor(member)) {
        return super.visitMemberReference(node, unused);
      }
      javax.lang.model.element.ExecutableElement executable = (javax.lang.model.element.ExecutableElement) member;
      PrivateReferences.Form form = PrivateReferences.form(trees, getCurrentPath(), member);
      if (form != PrivateReferences.Form.BOUND) {
        replace(node, accessors.reference(executable));
        return null;
      }
      List<CodeBlock> parameters = new ArrayList<>();
      for (int i = 0; i < executable.getParameters().size(); i++) {
        parameters.add(CodeBlock.of("ref$$$L", i));
      }
      CodeBlock call = accessors.call(executable, sub(node.getQualifierExpression()), CodeBlock.of(""), parameters);
      replace(node, CodeBlock.builder().add("($L) -> ", CodeBlock.join(parameters, ", ")).add(call).build());
      return null;
    }

    private CodeBlock typeArguments(List<? extends Tree> types) {
      if (types.isEmpty()) {
        return CodeBlock.of("");
      }
      List<CodeBlock> printed = new ArrayList<>();
      for (Tree type : types) {
        printed.add(sub(type));
      }
      return CodeBlock.of("<$L>", CodeBlock.join(printed, ", "));
    }

    List<Edit> edits(TreePath root) {
      if (!yieldOf(root)) {
        hiddenEnumSwitch(root);
        scan(root, null);
      }
      return edits;
    }

    /**
     * A {@code yield} of a lowered switch expression: store the value into its field, then leave
     * by the planned exit. Returns whether {@code path} was one.
     */
    private boolean yieldOf(TreePath path) {
      Slot result = method.yieldResultOf(path.getLeaf());
      if (result == null) {
        return false;
      }
      CodeBlock value = text(new TreePath(path, TreeCompat.yieldValue(path.getLeaf())), substitutions);
      replace(path.getLeaf(), CodeBlock.builder().add("{\n$>").add("$L = $L;\n", result.name(), value)
          .add(exits.render(method.exitOf(path.getLeaf()), null)).add("$<}").build());
      return true;
    }

    private void replace(Tree tree, CodeBlock replacement) {
      long start = start(tree);
      long end = trees.getSourcePositions().getEndPosition(unit, tree);
      if (start >= 0 && end >= start) { // trees javac made up (a record's members) are not in the text
        edits.add(new Edit(start, end, replacement));
      }
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      CodeBlock substitute = tree == null ? null : substitutions.get(tree);
      if (substitute != null) {
        replace(tree, substitute);
        return null;
      }
      if (tree != null && yieldOf(new TreePath(getCurrentPath(), tree))) {
        return null;
      }
      if (tree != null && replacedWhole.contains(tree)) {
        return null;
      }
      if (tree != null) {
        hiddenEnumSwitch(new TreePath(getCurrentPath(), tree)); // the selector; the cases are scanned (labels become ordinals)
      }
      return super.scan(tree, unused);
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      Element element = trees.getElement(getCurrentPath());
      classes.push((TypeElement) element);
      try {
        return super.visitClass(node, unused);
      } finally {
        classes.pop();
      }
    }

    @Override
    public Void visitMethod(com.sun.source.tree.MethodTree node, Void unused) {
      // The constructor javac adds to an anonymous class is not in the source: nothing to edit.
      return start(node) < 0 ? null : super.visitMethod(node, unused);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      lambdas++;
      try {
        return super.visitLambdaExpression(node, unused);
      } finally {
        lambdas--;
      }
    }

    /**
     * A pattern whose variables live in fields binds fresh locals and copies them into the
     * fields as soon as it matches: {@code (o instanceof String s$ && ((s = s$) == s || true))}.
     */
    @Override
    public Void visitInstanceOf(com.sun.source.tree.InstanceOfTree node, Void unused) {
      List<Slot> bound = new ArrayList<>();
      Tree pattern = TreeCompat.pattern(node); // its own bindings only, not those of its operand
      TypeElement hidden = pattern == null ? typeTreeClass(node.getType()) : null;
      if (hidden != null) { // x instanceof Entry: Private$Foo$Entry.TYPE.isInstance(x)
        replace(node, CodeBlock.of("$L.isInstance($L)", accessors.type(hidden), sub(node.getExpression())));
        return null;
      }
      if (pattern != null) {
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree variable, Void ignored) {
            Element element = trees.getElement(getCurrentPath());
            Slot slot = element instanceof VariableElement ? method.slotOf((VariableElement) element) : null;
            if (slot != null) {
              bound.add(slot);
            }
            return super.visitVariable(variable, ignored);
          }
        }.scan(new TreePath(getCurrentPath(), pattern), null);
      }
      if (bound.isEmpty()) {
        return super.visitInstanceOf(node, unused);
      }
      long start = start(node);
      long end = trees.getSourcePositions().getEndPosition(unit, node);
      edits.add(new Edit(start, start, CodeBlock.of("(")));
      super.visitInstanceOf(node, unused);
      CodeBlock.Builder copies = CodeBlock.builder();
      for (Slot slot : bound) {
        copies.add(" && (($L = $L) == $L || true)", slot.name(), slot.patternName(), slot.name());
      }
      edits.add(new Edit(end, end, copies.add(")").build()));
      return null;
    }

    /** {@code (Entry) x} of a private class: {@code Private$Foo$Entry.TYPE.cast(x)}, an Object. */
    @Override
    public Void visitTypeCast(com.sun.source.tree.TypeCastTree node, Void unused) {
      TypeElement hidden = typeTreeClass(node.getType());
      if (hidden == null) {
        return super.visitTypeCast(node, unused);
      }
      replace(node, CodeBlock.of("$L.cast($L)", accessors.type(hidden), sub(node.getExpression())));
      return null;
    }

    /** The private class that type tree {@code type} is, or null. */
    private TypeElement typeTreeClass(Tree type) {
      return type == null ? null : Declarations.hiddenClassOf(trees.getTypeMirror(new TreePath(getCurrentPath(), type)));
    }

    /**
     * {@code assert c : d;} checks the assertion status of the class it is compiled in; copied into
     * the generated class it must still check the user's, which the machine reads once:
     * {@code if (assertions$ && !(c)) throw new AssertionError((T) (d));}, as javac writes it.
     */
    @Override
    public Void visitAssert(com.sun.source.tree.AssertTree node, Void unused) {
      CodeBlock condition = text(new TreePath(getCurrentPath(), node.getCondition()), substitutions);
      CodeBlock.Builder check = CodeBlock.builder().add("if ($L && !($L)) {\n$>", FrameContract.ASSERTIONS, condition);
      if (node.getDetail() == null) {
        check.add("throw new $T();\n", AssertionError.class);
      } else {
        TreePath detail = new TreePath(getCurrentPath(), node.getDetail());
        check.add("throw new $T(($T) ($L));\n", AssertionError.class, typeNames.inBody(trees.getTypeMirror(detail)),
            text(detail, substitutions));
      }
      replace(node, check.add("$<}").build());
      return null;
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      Element element = trees.getElement(getCurrentPath());
      Slot slot = element instanceof VariableElement && element.getKind().name().equals("BINDING_VARIABLE")
          ? method.slotOf((VariableElement) element) : null;
      if (slot != null) {
        long end = trees.getSourcePositions().getEndPosition(unit, node);
        edits.add(new Edit(end - node.getName().length(), end, CodeBlock.of("$L", slot.patternName())));
      }
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitAnnotation(AnnotationTree node, Void unused) {
      scan(node.getAnnotationType(), null);
      for (ExpressionTree argument : node.getArguments()) {
        // `name = value`: the name is the annotation's element, never a member of ours.
        scan(argument instanceof AssignmentTree ? ((AssignmentTree) argument).getExpression() : argument, null);
      }
      return null;
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      String name = node.getName().toString();
      if (name.equals("this")) {
        if (classes.isEmpty()) {
          replace(node, CodeBlock.of("$L", selfName));
        }
        return null;
      }
      if (name.equals("super")) {
        return null; // inside an anonymous or local class: BodyValidator refuses it elsewhere
      }
      Element element = trees.getElement(getCurrentPath());
      if (element == null || keep.contains(node)) {
        return null;
      }
      switch (element.getKind()) {
        case LOCAL_VARIABLE:
        case PARAMETER:
        case EXCEPTION_PARAMETER:
        case RESOURCE_VARIABLE: {
          Slot slot = element instanceof VariableElement ? method.slotOf((VariableElement) element) : null;
          if (slot != null && !copied.contains(element) && typeNames.mentionsLocalClass(slot.type()) && !isAssigned()) {
            // Its field is an Object: a local class of the body has no name outside resume$().
            replace(node, CodeBlock.of("(($T) $L)", typeNames.inBody(slot.type()), slot.name()));
          } else if (slot != null && !copied.contains(element) && !slot.name().equals(name)) {
            replace(node, CodeBlock.of("$L", slot.name()));
          }
          return null;
        }
        case FIELD:
        case ENUM_CONSTANT:
        case METHOD:
          member(node, element);
          return null;
        case CLASS:
        case INTERFACE:
        case ENUM:
        case ANNOTATION_TYPE:
          type(node, (TypeElement) element);
          return null;
        default:
          if (element.getKind().name().equals("RECORD")) {
            type(node, (TypeElement) element);
          } else if (element.getKind().name().equals("BINDING_VARIABLE")) {
            Slot slot = method.slotOf((VariableElement) element);
            if (slot != null && !slot.name().equals(name)) {
              replace(node, CodeBlock.of("$L", slot.name()));
            }
          }
          return null;
      }
    }

    /** An unqualified field or method: of a class declared here, of the coroutine's class, or imported. */
    private void member(IdentifierTree node, Element element) {
      if (memberOfClassHere(element)) {
        return;
      }
      if (element.getKind() == ElementKind.ENUM_CONSTANT && isCaseLabel()) {
        hiddenCaseLabel(node, element);
        return;
      }
      if (element instanceof VariableElement && Declarations.needsAccessor(element)) {
        replace(node, accessors.read((VariableElement) element, element.getModifiers().contains(Modifier.STATIC)
            ? null : instanceOf((TypeElement) element.getEnclosingElement())));
        return;
      }
      if (Declarations.isPrivateConstant(element)) {
        replace(node, Literals.constant(((VariableElement) element).getConstantValue()));
        return;
      }
      if (element.getModifiers().contains(Modifier.STATIC)) {
        replace(node, CodeBlock.of("$T.$L", ClassName.get((TypeElement) element.getEnclosingElement()), node.getName()));
      } else {
        replace(node, CodeBlock.of("$L.$L", instanceOf((TypeElement) element.getEnclosingElement()), node.getName()));
      }
    }

    private void type(Tree node, TypeElement element) {
      NestingKind nesting = element.getNestingKind();
      if (Declarations.isHidden(element)) {
        replace(node, CodeBlock.of("$T", ClassName.OBJECT)); // held as an Object (ARCHITECTURE, "Private classes")
      } else if (nesting == NestingKind.TOP_LEVEL || nesting == NestingKind.MEMBER) {
        replace(node, CodeBlock.of("$T", ClassName.get(element)));
      }
    }

    /**
     * A {@code case} label of an enum constant: as written, but of a private enum, whose switch
     * is on its ordinal ({@link #hiddenEnumSwitch}), the ordinal.
     */
    private void hiddenCaseLabel(Tree node, Element constant) {
      if (Declarations.isHidden(constant.getEnclosingElement())) {
        replace(node, CodeBlock.of("$L", Declarations.ordinal(constant)));
      }
    }

    /**
     * {@code switch (state)} on a private enum, which the generated code holds as an
     * {@code Object}: a switch on its ordinal, {@code switch (((Enum<?>) (state)).ordinal())}
     * (null throws as Java's switch does), its labels the constants' ordinals.
     */
    private void hiddenEnumSwitch(TreePath path) {
      Tree tree = path.getLeaf();
      ExpressionTree selector = tree.getKind() == Tree.Kind.SWITCH ? ((com.sun.source.tree.SwitchTree) tree).getExpression()
          : tree.getKind().name().equals("SWITCH_EXPRESSION") ? TreeCompat.switchExpressionSelector(tree) : null;
      if (selector == null) {
        return;
      }
      TreePath selectorPath = new TreePath(path, selector);
      Element type = types.asElement(trees.getTypeMirror(selectorPath));
      if (type == null || type.getKind() != ElementKind.ENUM || !Declarations.isHidden(type)) {
        return;
      }
      replace(selector, CodeBlock.of("(((Enum<?>) $L).ordinal())", text(selectorPath, substitutions, classes)));
      replacedWhole.add(selector);
      if (tree.getKind() != Tree.Kind.SWITCH) {
        exhaustOrdinals(tree);
      }
    }

    /**
     * A switch expression covering every constant of a private enum without {@code default}: on
     * ordinals it needs one, which throws as the switch would for a constant added since.
     */
    private void exhaustOrdinals(Tree switchExpression) {
      List<? extends com.sun.source.tree.CaseTree> cases = TreeCompat.switchExpressionCases(switchExpression);
      for (com.sun.source.tree.CaseTree caseTree : cases) {
        if (TreeCompat.labels(caseTree).isEmpty()) {
          return; // it has a default
        }
      }
      long end = trees.getSourcePositions().getEndPosition(unit, switchExpression) - 1; // at its closing brace
      boolean rules = !cases.isEmpty() && TreeCompat.isRule(cases.get(0));
      edits.add(new Edit(end, end, CodeBlock.of(rules ? " default -> throw new $T(); " : " default: throw new $T(); ",
          IncompatibleClassChangeError.class)));
    }

    /** Whether the identifier visited is the variable an assignment writes ({@code x = e}). */
    private boolean isAssigned() {
      Tree parent = getCurrentPath().getParentPath().getLeaf();
      return parent instanceof AssignmentTree && ((AssignmentTree) parent).getVariable() == getCurrentPath().getLeaf();
    }

    /** An enum constant in a {@code case} label is written unqualified before Java 21. */
    private boolean isCaseLabel() {
      for (TreePath p = getCurrentPath().getParentPath(); p != null; p = p.getParentPath()) {
        Tree.Kind kind = p.getLeaf().getKind();
        if (kind == Tree.Kind.CASE) {
          return true;
        }
        if (!kind.name().equals("CONSTANT_CASE_LABEL")) {
          return false;
        }
      }
      return false;
    }

    /** Whether {@code member} belongs to (or is inherited by) an anonymous or local class entered. */
    private boolean memberOfClassHere(Element member) {
      Element owner = member.getEnclosingElement();
      for (TypeElement body : classes) {
        if (owner.equals(body) || types.isSubtype(types.erasure(body.asType()), types.erasure(owner.asType()))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      if (node.getIdentifier().contentEquals("this")) {
        Element outer = trees.getElement(new TreePath(getCurrentPath(), node.getExpression()));
        if (!classes.contains(outer)) {
          replace(node, instanceOf((TypeElement) outer));
        }
        return null;
      }
      Element selected = trees.getElement(getCurrentPath());
      if (node.getIdentifier().contentEquals("class")) {
        Element type = types.asElement(types.erasure(trees.getTypeMirror(new TreePath(getCurrentPath(), node.getExpression()))));
        if (type != null && Declarations.isHidden(type)) {
          replace(node, accessors.type((TypeElement) type));
          return null;
        }
      }
      if (selected instanceof TypeElement && Declarations.isHidden(selected)) {
        replace(node, CodeBlock.of("$T", ClassName.OBJECT));
        return null;
      }
      if (selected != null && selected.getKind() == ElementKind.ENUM_CONSTANT && isCaseLabel()
          && Declarations.isHidden(selected.getEnclosingElement())) {
        hiddenCaseLabel(node, selected); // Java 21's `case Mode.ON` of a private enum
        return null;
      }
      if (selected instanceof VariableElement && Declarations.needsAccessor(selected)) {
        replace(node, accessors.read((VariableElement) selected, selected.getModifiers().contains(Modifier.STATIC)
            ? null : sub(node.getExpression())));
        return null;
      }
      if (Declarations.isPrivateConstant(selected) && !memberOfClassHere(selected)) {
        replace(node, Literals.constant(((VariableElement) selected).getConstantValue()));
        return null;
      }
      return super.visitMemberSelect(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      Element constructor = trees.getElement(getCurrentPath());
      if (Declarations.needsAccessor(constructor) && node.getClassBody() == null && node.getEnclosingExpression() == null) {
        // `new Foo(1)` of a private constructor: Private$Foo.new$int$(1), `new Box<String>(s)`: Private$Box.<String>new$...
        Tree created = node.getIdentifier();
        replace(node, accessors.create((javax.lang.model.element.ExecutableElement) constructor,
            typeArguments(created instanceof ParameterizedTypeTree ? ((ParameterizedTypeTree) created).getTypeArguments()
                : Collections.<Tree>emptyList()), arguments((javax.lang.model.element.ExecutableElement) constructor, node.getArguments())));
        return null;
      }
      if (constructor instanceof javax.lang.model.element.ExecutableElement) {
        castHiddenArguments((javax.lang.model.element.ExecutableElement) constructor, node.getArguments());
      }
      Tree identifier = node.getIdentifier();
      Tree simple = identifier instanceof ParameterizedTypeTree ? ((ParameterizedTypeTree) identifier).getType() : identifier;
      Element created = trees.getElement(new TreePath(getCurrentPath(), simple));
      if (node.getEnclosingExpression() != null) {
        keep.add(simple);
      } else if (created instanceof TypeElement && isInnerOfOurs((TypeElement) created)) {
        // `new Inner()` of an inner class of the coroutine's class needs its outer instance.
        keep.add(simple);
        long at = start(node);
        edits.add(new Edit(at, at, CodeBlock.of("$L.", instanceOf((TypeElement) created.getEnclosingElement()))));
      }
      return super.visitNewClass(node, unused);
    }

    private boolean isInnerOfOurs(TypeElement created) {
      return created.getNestingKind() == NestingKind.MEMBER && !created.getModifiers().contains(Modifier.STATIC)
          && created.getKind() == ElementKind.CLASS && !classes.contains(created.getEnclosingElement())
          && classes.isEmpty();
    }

    /** A return, break or continue that leaves the printed statement: the exit lowering planned. */
    @Override
    public Void visitReturn(ReturnTree node, Void unused) {
      Exit exit = method.exitOf(node);
      if (exit == null) {
        return super.visitReturn(node, unused);
      }
      CodeBlock value = node.getExpression() == null ? null
          : text(new TreePath(getCurrentPath(), node.getExpression()), substitutions);
      replace(node, exit.kind() == Exit.Kind.RETURN ? exits.returnStatement(value)
          : CodeBlock.builder().add("{\n$>").add(exits.render(exit, value)).add("$<}").build());
      return null;
    }

    @Override
    public Void visitBreak(BreakTree node, Void unused) {
      leave(node);
      return null;
    }

    @Override
    public Void visitContinue(ContinueTree node, Void unused) {
      leave(node);
      return null;
    }

    private void leave(Tree jump) {
      Exit exit = method.exitOf(jump);
      if (exit != null) {
        replace(jump, CodeBlock.builder().add("{\n$>").add(exits.render(exit, null)).add("$<}").build());
      }
    }
  }
}
