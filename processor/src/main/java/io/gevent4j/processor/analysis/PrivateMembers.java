package io.gevent4j.processor.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.model.PrivateUse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import java.util.List;

/**
 * Finds the private fields, methods and constructors a coroutine body uses ({@link
 * Declarations#needsAccessor}), and how: lambdas and classes of the body included, since they are
 * copied into the generated class too.
 */
public final class PrivateMembers {
  private PrivateMembers() {}

  /** The private members used under {@code path}, each with its uses, in order of first use. */
  public static Map<Element, Set<PrivateUse>> find(Trees trees, javax.lang.model.util.Types types, TreePath path) {
    Map<Element, Set<PrivateUse>> uses = new LinkedHashMap<>();
    TypeElement coroutineClass = (TypeElement) trees.getElement(path).getEnclosingElement();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (!written(node.getVariable(), PrivateUse.WRITE)) {
          scan(node.getVariable(), null);
        }
        return scan(node.getExpression(), null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        if (written(node.getVariable(), PrivateUse.WRITE)) {
          record(element(node.getVariable()), PrivateUse.READ);
        } else {
          scan(node.getVariable(), null);
        }
        return scan(node.getExpression(), null);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void unused) {
        PrivateUse step = step(node.getKind());
        if (step == null || !written(node.getExpression(), step)) {
          scan(node.getExpression(), null);
        }
        return null;
      }

      /** Records {@code use} of {@code variable} if it is a private field; scans its receiver. */
      private boolean written(Tree variable, PrivateUse use) {
        Element field = element(variable);
        if (!Declarations.needsAccessor(field)) {
          return false;
        }
        record(field, use);
        if (variable instanceof MemberSelectTree) {
          scan(((MemberSelectTree) variable).getExpression(), null); // (a path with the select's parent: elements only need the leaf)
        }
        return true;
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Element element = trees.getElement(getCurrentPath());
        use(element);
        if (element != null && (element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.METHOD)
            && !element.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
            && element.getEnclosingElement() instanceof TypeElement) {
          outer((TypeElement) element.getEnclosingElement()); // an outer member: Outer.this.member
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        javax.lang.model.element.ExecutableElement viaSuper = Declarations.plainSuperCall(trees, getCurrentPath(), coroutineClass);
        if (viaSuper != null) {
          record(viaSuper, Declarations.needsAccessor(viaSuper) ? PrivateUse.CALL : PrivateUse.SUPER_CALL);
          return null; // the qualifier is `super` or `Iface.super`
        }
        Element element = trees.getElement(getCurrentPath());
        Element qualifier = trees.getElement(new TreePath(getCurrentPath(), node.getExpression()));
        if (node.getIdentifier().contentEquals("this") && qualifier instanceof TypeElement) {
          outer((TypeElement) qualifier); // Outer.this
        }
        if (node.getIdentifier().contentEquals("class")) {
          typeUse(node.getExpression());
        }
        use(element);
        return super.visitMemberSelect(node, unused);
      }

      /** Records the enclosing instances read to reach an instance of {@code declaring}. */
      private void outer(TypeElement declaring) {
        NestingKind nesting = declaring.getNestingKind();
        if (nesting != NestingKind.TOP_LEVEL && nesting != NestingKind.MEMBER) {
          return; // a class of the body: its own members
        }
        List<TypeElement> chain = Declarations.outerChain(coroutineClass, declaring, types);
        for (TypeElement inner : chain == null ? java.util.Collections.<TypeElement>emptyList() : chain) {
          record(inner, PrivateUse.OUTER);
        }
      }

      /** What javac made up (an anonymous class's constructor) is not printed, so needs nothing. */
      @Override
      public Void visitMethod(com.sun.source.tree.MethodTree node, Void unused) {
        return trees.getSourcePositions().getStartPosition(getCurrentPath().getCompilationUnit(), node) < 0
            ? null : super.visitMethod(node, unused);
      }

      /** A reference to a private member is made to its accessor, or a lambda calling it ({@link PrivateReferences}). */
      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        Element member = trees.getElement(getCurrentPath());
        if (Declarations.needsAccessor(member)) {
          record(member, member.getKind() == ElementKind.CONSTRUCTOR ? PrivateUse.CREATE : PrivateUse.CALL);
        }
        return scan(node.getQualifierExpression(), null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        Element constructor = trees.getElement(getCurrentPath());
        Element created = constructor == null ? null : constructor.getEnclosingElement();
        if (node.getEnclosingExpression() == null && created instanceof TypeElement
            && ((TypeElement) created).getNestingKind() == NestingKind.MEMBER
            && !created.getModifiers().contains(javax.lang.model.element.Modifier.STATIC) && created.getKind() == ElementKind.CLASS) {
          outer((TypeElement) created.getEnclosingElement()); // new Inner(): Outer.this.new Inner()
        }
        if (Declarations.needsAccessor(constructor)) {
          record(constructor, PrivateUse.CREATE);
        }
        return super.visitNewClass(node, unused);
      }

      private void use(Element element) {
        if (Declarations.needsAccessor(element)) {
          boolean field = element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.ENUM_CONSTANT;
          record(element, field ? PrivateUse.READ : PrivateUse.CALL);
        }
      }

      /** {@code x instanceof Entry}, {@code (Entry) x}, {@code Entry.class} of a private class: its {@code Class}. */
      private void typeUse(Tree type) {
        javax.lang.model.type.TypeMirror mirror = type == null ? null : trees.getTypeMirror(new TreePath(getCurrentPath(), type));
        Element element = mirror == null ? null : types.asElement(types.erasure(mirror));
        if (element instanceof TypeElement && Declarations.isHidden(element)) {
          record(element, PrivateUse.TYPE);
        }
      }

      @Override
      public Void visitInstanceOf(com.sun.source.tree.InstanceOfTree node, Void unused) {
        typeUse(node.getType());
        return super.visitInstanceOf(node, unused);
      }

      @Override
      public Void visitTypeCast(com.sun.source.tree.TypeCastTree node, Void unused) {
        typeUse(node.getType());
        return super.visitTypeCast(node, unused);
      }

      private Element element(Tree variable) {
        return trees.getElement(new TreePath(getCurrentPath(), variable));
      }

      private void record(Element element, PrivateUse use) {
        uses.computeIfAbsent(element, e -> EnumSet.noneOf(PrivateUse.class)).add(use);
      }
    }.scan(path, null);
    return uses;
  }

  /** The accessor an increment or decrement needs; null for other unary operators. */
  public static PrivateUse step(Tree.Kind kind) {
    switch (kind) {
      case PREFIX_INCREMENT:
        return PrivateUse.PRE_INCREMENT;
      case PREFIX_DECREMENT:
        return PrivateUse.PRE_DECREMENT;
      case POSTFIX_INCREMENT:
        return PrivateUse.POST_INCREMENT;
      case POSTFIX_DECREMENT:
        return PrivateUse.POST_DECREMENT;
      default:
        return null;
    }
  }
}
