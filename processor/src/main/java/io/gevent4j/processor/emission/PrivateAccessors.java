package io.gevent4j.processor.emission;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.TypeVariableName;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.model.PrivateUse;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The accessors through which generated code reaches private fields, methods and constructors
 * (ARCHITECTURE, "Private members"): one holder class per declaring class, nested in
 * {@code FooCoroutines_Machines}, with a {@code static final MethodHandle} per member (from the
 * runtime's {@code PrivateAccess}) and a static method per use that calls it with
 * {@code invokeExact}. Renders both the holders and the calls of their methods.
 */
final class PrivateAccessors {
  private static final ClassName PRIVATE_ACCESS = ClassName.get("io.gevent4j.internal", "PrivateAccess");
  private static final ClassName SNEAKY = ClassName.get("io.gevent4j.internal", "Sneaky");
  private static final String LOOKUP = "LOOKUP";
  private static final String OUTER = "outer$";
  private static final String TYPE = "TYPE";
  private static final TypeName CLASS_OF_OBJECT = ParameterizedTypeName.get(ClassName.get(Class.class), ClassName.OBJECT);

  private final Types types;
  private final TypeNames typeNames;
  private final ClassName machinesClass;

  PrivateAccessors(Types types, TypeNames typeNames, ClassName machinesClass) {
    this.types = types;
    this.typeNames = typeNames;
    this.machinesClass = machinesClass;
  }

  /** {@code Private$Foo.count(receiver)}; {@code receiver} is null for a static field. */
  CodeBlock read(VariableElement field, CodeBlock receiver) {
    return invoke(field, accessor(field, PrivateUse.READ), receiver, CodeBlock.of(""), new ArrayList<>());
  }

  /** {@code Private$Foo.count$set(receiver, value)}: its value is the value written, as {@code x = v}'s. */
  CodeBlock write(VariableElement field, CodeBlock receiver, CodeBlock value) {
    List<CodeBlock> arguments = new ArrayList<>();
    // `b = 5` narrows a constant to a byte field; a method argument does not: the cast does.
    arguments.add(narrows(field.asType()) ? CodeBlock.of("($T) ($L)", arithmetic(field.asType()), value) : value);
    return invoke(field, accessor(field, PrivateUse.WRITE), receiver, CodeBlock.of(""), arguments);
  }

  /**
   * {@code x op= v} on a private field of type {@code type} where it is used (a type variable's
   * value there), with a receiver that may be evaluated twice (a name or {@code self$}).
   */
  CodeBlock compound(VariableElement field, TypeMirror type, CodeBlock receiver, String operator, CodeBlock value) {
    return write(field, receiver, CodeBlock.of("($T) ($L $L $L)", arithmetic(type), read(field, receiver), operator, value));
  }

  /** {@code Private$Foo.count$postIncrement(receiver)} and the three other steps. */
  CodeBlock step(VariableElement field, PrivateUse step, CodeBlock receiver) {
    return invoke(field, accessor(field, step), receiver, CodeBlock.of(""), new ArrayList<>());
  }

  /** {@code Private$Foo.<T>helper$int$(receiver, arguments)}; {@code receiver} is null for a static method. */
  CodeBlock call(ExecutableElement method, CodeBlock receiver, CodeBlock typeArguments, List<CodeBlock> arguments) {
    boolean classVariables = receiver != null && !((TypeElement) method.getEnclosingElement()).getTypeParameters().isEmpty();
    // The accessor of a generic class's method declares the class's type variables first: let javac infer them all.
    return invoke(method, accessor(method, PrivateUse.CALL), receiver, classVariables ? CodeBlock.of("") : typeArguments, arguments);
  }

  /**
   * {@code Private$Foo.super$m$int$(self$, arguments)}: {@code super.m(arguments)} of the coroutine
   * class {@code self}, without virtual dispatch.
   */
  CodeBlock superCall(ExecutableElement method, TypeElement self, CodeBlock receiver, CodeBlock typeArguments, List<CodeBlock> arguments) {
    CodeBlock.Builder out = CodeBlock.builder().add("$T.", holder(self));
    if (self.getTypeParameters().isEmpty()) {
      out.add(typeArguments); // else javac infers the class's type variables and the method's together
    }
    out.add("$L($L", superAccessor(method), receiver);
    for (CodeBlock argument : arguments) {
      out.add(", ").add(argument);
    }
    return out.add(")").build();
  }

  /**
   * {@code Private$Foo::helper$int$} (or {@code ::new$int$} for a constructor): a method reference
   * to the accessor, which stands for a reference to the member itself (a static accessor takes an
   * instance method's receiver first, as an unbound reference passes it).
   */
  CodeBlock reference(ExecutableElement member) {
    PrivateUse use = member.getKind() == ElementKind.CONSTRUCTOR ? PrivateUse.CREATE : PrivateUse.CALL;
    return CodeBlock.of("$T::$L", holder((TypeElement) member.getEnclosingElement()), accessor(member, use));
  }

  /** {@code Private$Foo.new$int$(arguments)}. */
  CodeBlock create(ExecutableElement constructor, CodeBlock typeArguments, List<CodeBlock> arguments) {
    return invoke(constructor, accessor(constructor, PrivateUse.CREATE), null, typeArguments, arguments);
  }

  /** {@code Private$Outer$Inner.outer$(inner)}: the enclosing instance of inner class {@code inner}. */
  CodeBlock outer(TypeElement inner, CodeBlock receiver) {
    return CodeBlock.of("$T.$L($L)", holder(inner), OUTER, receiver);
  }

  /**
   * {@code Private$Foo$Entry.TYPE}: the {@code Class<Object>} of private class {@code hidden}, for
   * {@code instanceof}, casts and class literals, which the generated code cannot write with its name.
   */
  CodeBlock type(TypeElement hidden) {
    return CodeBlock.of("$T.$L", holder(hidden), TYPE);
  }

  /** The type a value must be cast to before it is written to {@code field}: its primitive type if it is boxed. */
  TypeName arithmetic(TypeMirror type) {
    return typeNames.of(Declarations.arithmeticType(types, type));
  }

  private CodeBlock invoke(Element member, String accessor, CodeBlock receiver, CodeBlock typeArguments, List<CodeBlock> arguments) {
    CodeBlock.Builder out = CodeBlock.builder().add("$T.", holder((TypeElement) member.getEnclosingElement()))
        .add(typeArguments).add("$L(", accessor);
    boolean first = true;
    if (receiver != null) {
      out.add(receiver);
      first = false;
    }
    for (CodeBlock argument : arguments) {
      out.add(first ? "" : ", ").add(argument);
      first = false;
    }
    return out.add(")").build();
  }

  /** The holder class of {@code declaring}'s private members: {@code Private$Foo}, {@code Private$Foo$Node}. */
  ClassName holder(TypeElement declaring) {
    StringBuilder name = new StringBuilder(declaring.getSimpleName());
    for (Element e = declaring.getEnclosingElement(); !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "$");
    }
    return machinesClass.nestedClass("Private$" + name);
  }

  private static String accessor(Element member, PrivateUse use) {
    String name = member.getSimpleName().toString();
    switch (use) {
      case READ:
        return name;
      case WRITE:
        return name + "$set";
      case PRE_INCREMENT:
        return name + "$preIncrement";
      case PRE_DECREMENT:
        return name + "$preDecrement";
      case POST_INCREMENT:
        return name + "$postIncrement";
      case POST_DECREMENT:
        return name + "$postDecrement";
      case CALL:
        return name + signature((ExecutableElement) member) + "$";
      default:
        return "new" + signature((ExecutableElement) member) + "$";
    }
  }

  private static String superAccessor(ExecutableElement method) {
    return "super$" + method.getSimpleName() + signature(method) + "$";
  }

  private static String signature(ExecutableElement method) {
    StringBuilder out = new StringBuilder();
    for (VariableElement parameter : method.getParameters()) {
      out.append('$').append(Names.identifierPart(parameter.asType()));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- holders

  /**
   * The holder classes for {@code uses} of the coroutines of {@code coroutineClass}, one per
   * declaring class (the coroutine class's also holds its {@code super} calls), in order of first use.
   */
  List<TypeSpec> holders(TypeElement coroutineClass, Map<Element, Set<PrivateUse>> uses) {
    Map<TypeElement, TypeSpec.Builder> holders = new LinkedHashMap<>();
    for (Map.Entry<Element, Set<PrivateUse>> entry : uses.entrySet()) {
      Element member = entry.getKey();
      Set<PrivateUse> kinds = entry.getValue();
      if (member instanceof TypeElement) {
        TypeSpec.Builder holder = holders.computeIfAbsent((TypeElement) member, this::newHolder);
        if (kinds.contains(PrivateUse.OUTER)) {
          outerInstance(holder, (TypeElement) member);
        }
        if (kinds.contains(PrivateUse.TYPE)) {
          holder.addField(FieldSpec.builder(CLASS_OF_OBJECT, TYPE, Modifier.STATIC, Modifier.FINAL)
              .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
              .initializer("($T) $L", CLASS_OF_OBJECT, classOf(member.asType())).build());
        }
        continue;
      }
      if (kinds.contains(PrivateUse.SUPER_CALL)) {
        superMethod(holders.computeIfAbsent(coroutineClass, this::newHolder), (ExecutableElement) member, coroutineClass);
        if (kinds.size() == 1) {
          continue;
        }
      }
      TypeSpec.Builder holder = holders.computeIfAbsent((TypeElement) member.getEnclosingElement(), this::newHolder);
      if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.ENUM_CONSTANT) {
        field(holder, (VariableElement) member, kinds);
      } else {
        executable(holder, (ExecutableElement) member);
      }
    }
    List<TypeSpec> out = new ArrayList<>();
    for (TypeSpec.Builder holder : holders.values()) {
      out.add(holder.build());
    }
    return out;
  }

  private TypeSpec.Builder newHolder(TypeElement declaring) {
    return TypeSpec.classBuilder(holder(declaring).simpleName())
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(Declarations.isHidden(declaring)
            ? CodeBlock.of("The members of private class {@code $L} that the coroutines use, through method handles.\n", declaring.getQualifiedName())
            : CodeBlock.of("The private members of {@link $T} that the coroutines use, through method handles.\n", ClassName.get(declaring)))
        .addField(FieldSpec.builder(MethodHandles.Lookup.class, LOOKUP, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.lookup()", MethodHandles.class).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  private void field(TypeSpec.Builder holder, VariableElement field, Set<PrivateUse> uses) {
    Set<PrivateUse> needed = EnumSet.copyOf(uses);
    if (needed.size() > 1 || !needed.contains(PrivateUse.READ)) {
      needed.add(PrivateUse.READ); // the steps read and write through these two
      needed.add(PrivateUse.WRITE);
    }
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    TypeElement declaring = (TypeElement) field.getEnclosingElement();
    TypeName type = typeNames.of(field.asType());
    String name = field.getSimpleName().toString();
    boolean erasedForm = Declarations.namesHiddenType(field);
    CodeBlock where = CodeBlock.of("$L, $L, $S, $L", LOOKUP, classOf(declaring.asType()), name, classOf(field.asType()));
    String self = isStatic ? "" : erasedForm ? asObject("self", selfType(declaring)) : "self";
    String value = erasedForm ? asObject("value", type) : "value";
    for (PrivateUse use : needed) {
      MethodSpec.Builder accessor = MethodSpec.methodBuilder(accessor(field, use)).addModifiers(Modifier.STATIC).returns(type);
      if (!isStatic) {
        accessor.addTypeVariables(typeVariables(declaring)).addParameter(selfType(declaring), "self");
      }
      switch (use) {
        case READ: {
          String handle = name + "$getter";
          holder.addField(handle(handle, isStatic ? "staticGetter" : "getter", where, erasedForm));
          accessor.addCode(guarded(CodeBlock.of("return $L$L.invokeExact($L);\n", cast(field.asType(), accessor, erasedForm), handle, self)));
          break;
        }
        case WRITE: {
          String handle = name + "$setter";
          holder.addField(handle(handle, isStatic ? "staticSetter" : "setter", where, erasedForm));
          accessor.addParameter(type, "value")
              .addCode(guarded(CodeBlock.of("$L.invokeExact($L);\n", handle, isStatic ? value : self + ", " + value)))
              .addStatement("return value");
          break;
        }
        default: {
          boolean increment = use == PrivateUse.PRE_INCREMENT || use == PrivateUse.POST_INCREMENT;
          boolean prefix = use == PrivateUse.PRE_INCREMENT || use == PrivateUse.PRE_DECREMENT;
          String receiver = isStatic ? "" : "self, ";
          accessor.addStatement("$T old = $L($L)", type, accessor(field, PrivateUse.READ), isStatic ? "" : "self")
              .addStatement(narrows(field.asType()) ? CodeBlock.of("$T next = ($T) (old $L 1)", type, arithmetic(field.asType()), increment ? "+" : "-")
                  : CodeBlock.of("$T next = old $L 1", type, increment ? "+" : "-"))
              .addStatement("$L($Lnext)", accessor(field, PrivateUse.WRITE), receiver)
              .addStatement("return $L", prefix ? "next" : "old");
        }
      }
      holder.addMethod(accessor.build());
    }
  }

  /** The enclosing instance of {@code inner}, from the field javac gives it ({@code this$0}). */
  private void outerInstance(TypeSpec.Builder holder, TypeElement inner) {
    TypeMirror outer = inner.getEnclosingElement().asType();
    holder.addField(handle(OUTER + "getter", "getter", CodeBlock.of("$L, $L, $S, $L", LOOKUP, classOf(inner.asType()),
        Declarations.outerInstanceField(inner), classOf(outer)), false));
    holder.addMethod(MethodSpec.methodBuilder(OUTER).addModifiers(Modifier.STATIC).returns(typeNames.of(outer))
        .addTypeVariables(typeVariables(inner)).addParameter(selfType(inner), "self")
        .addCode(guarded(CodeBlock.of("return ($T) $Lgetter.invokeExact(self);\n", typeNames.of(outer), OUTER))).build());
  }

  private void executable(TypeSpec.Builder holder, ExecutableElement executable) {
    boolean constructor = executable.getKind() == ElementKind.CONSTRUCTOR;
    boolean isStatic = constructor || executable.getModifiers().contains(Modifier.STATIC);
    TypeElement declaring = (TypeElement) executable.getEnclosingElement();
    String accessorName = accessor(executable, constructor ? PrivateUse.CREATE : PrivateUse.CALL);
    String handle = accessorName + "handle";
    MethodSpec.Builder accessor = MethodSpec.methodBuilder(accessorName).addModifiers(Modifier.STATIC)
        .varargs(executable.isVarArgs());
    if (!isStatic || constructor) {
      accessor.addTypeVariables(typeVariables(declaring));
    }
    for (TypeParameterElement parameter : executable.getTypeParameters()) {
      accessor.addTypeVariable(TypeVariableName.get(parameter));
    }
    for (TypeMirror thrown : executable.getThrownTypes()) {
      accessor.addException(typeNames.of(thrown));
    }
    boolean erasedForm = Declarations.namesHiddenType(executable);
    CodeBlock.Builder where = CodeBlock.builder().add("$L, $L", LOOKUP, classOf(declaring.asType()));
    List<String> arguments = new ArrayList<>();
    if (!isStatic) {
      accessor.addParameter(selfType(declaring), "self");
      arguments.add(erasedForm ? asObject("self", selfType(declaring)) : "self");
    }
    if (!constructor) {
      where.add(", $S, $L", executable.getSimpleName(), classOf(executable.getReturnType()));
    }
    for (VariableElement parameter : executable.getParameters()) {
      String name = parameter.getSimpleName().toString();
      accessor.addParameter(typeNames.of(parameter.asType()), name);
      arguments.add(erasedForm ? asObject(name, typeNames.of(parameter.asType())) : name);
      where.add(", $L", classOf(parameter.asType()));
    }
    // A method others may override is called as Java calls it: dispatched on the receiver's class.
    String factory = constructor ? "constructor" : isStatic ? "staticMethod"
        : executable.getModifiers().contains(Modifier.PRIVATE) ? "method" : "virtualMethod";
    holder.addField(handle(handle, factory, where.build(), erasedForm));
    String call = handle + ".invokeExact(" + String.join(", ", arguments) + ")";
    if (constructor) {
      accessor.returns(selfType(declaring));
      accessor.addCode(guarded(CodeBlock.of("return $L$L;\n", cast(declaring.asType(), accessor, erasedForm), call)));
    } else if (executable.getReturnType().getKind() == TypeKind.VOID) {
      accessor.addCode(guarded(CodeBlock.of("$L;\n", call)));
    } else {
      accessor.returns(typeNames.of(executable.getReturnType()));
      accessor.addCode(guarded(CodeBlock.of("return $L$L;\n", cast(executable.getReturnType(), accessor, erasedForm), call)));
    }
    holder.addMethod(accessor.build());
  }

  /**
   * {@code static R super$m$A$(Foo self, A a)}: calls {@code method} as {@code self}'s
   * {@code super.m(a)} does, its parameter and result types as members of {@code self} (a generic
   * superclass's {@code T} is {@code self}'s type argument), cast to the erasures the handle has.
   */
  private void superMethod(TypeSpec.Builder holder, ExecutableElement method, TypeElement self) {
    javax.lang.model.type.ExecutableType member =
        (javax.lang.model.type.ExecutableType) types.asMemberOf((javax.lang.model.type.DeclaredType) self.asType(), method);
    String handle = superAccessor(method) + "handle";
    MethodSpec.Builder accessor = MethodSpec.methodBuilder(superAccessor(method)).addModifiers(Modifier.STATIC)
        .varargs(method.isVarArgs()).addTypeVariables(typeVariables(self)).addParameter(selfType(self), "self");
    for (TypeParameterElement parameter : method.getTypeParameters()) {
      accessor.addTypeVariable(TypeVariableName.get(parameter));
    }
    for (TypeMirror thrown : member.getThrownTypes()) {
      accessor.addException(typeNames.of(thrown));
    }
    CodeBlock.Builder where = CodeBlock.builder().add("$L, $L, $L, $S, $L", LOOKUP, classOf(self.asType()),
        classOf(method.getEnclosingElement().asType()), method.getSimpleName(), classOf(method.getReturnType()));
    CodeBlock.Builder call = CodeBlock.builder().add("$L.invokeExact(self", handle);
    for (int i = 0; i < method.getParameters().size(); i++) {
      String name = method.getParameters().get(i).getSimpleName().toString();
      TypeName declared = erased(method.getParameters().get(i).asType());
      TypeName type = typeNames.of(member.getParameterTypes().get(i));
      accessor.addParameter(type, name);
      where.add(", $L", classOf(method.getParameters().get(i).asType()));
      call.add(type.equals(declared) ? CodeBlock.of(", $L", name) : CodeBlock.of(", ($T) $L", declared, name));
    }
    call.add(")");
    holder.addField(handle(handle, "superMethod", where.build(), false));
    TypeMirror result = member.getReturnType();
    if (result.getKind() == TypeKind.VOID) {
      accessor.addCode(guarded(CodeBlock.of("$L;\n", call.build())));
    } else {
      TypeName type = typeNames.of(result);
      TypeName erasedResult = erased(method.getReturnType());
      CodeBlock cast = CodeBlock.of("($T) ", type);
      if (!type.equals(erasedResult)) {
        accessor.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "{$S, $S}", "unchecked", "rawtypes").build());
        cast = CodeBlock.of("($T) ($T) ", type, erasedResult);
      }
      accessor.returns(type).addCode(guarded(CodeBlock.of("return $L$L;\n", cast, call.build())));
    }
    holder.addMethod(accessor.build());
  }

  /** Whether arithmetic on {@code type} gives a wider type ({@code byte + 1} is an {@code int}). */
  private boolean narrows(TypeMirror type) {
    TypeName primitive = arithmetic(type);
    return primitive.equals(TypeName.BYTE) || primitive.equals(TypeName.SHORT) || primitive.equals(TypeName.CHAR);
  }

  /**
   * {@code static final MethodHandle name = PrivateAccess.factory(where)}; wrapped in
   * {@code PrivateAccess.erased(...)} for an accessor in the erased form ({@link Declarations#namesHiddenType}).
   */
  private FieldSpec handle(String name, String factory, CodeBlock where, boolean erasedForm) {
    CodeBlock handle = CodeBlock.of("$T.$L($L)", PRIVATE_ACCESS, factory, where);
    return FieldSpec.builder(MethodHandle.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(erasedForm ? CodeBlock.of("$T.erased($L)", PRIVATE_ACCESS, handle) : handle).build();
  }

  /** {@code name} as an erased handle takes it: {@code (Object) name} unless it is a primitive or an Object already. */
  private static String asObject(String name, TypeName type) {
    return type.isPrimitive() || type.equals(ClassName.OBJECT) ? name : "(Object) " + name;
  }

  /**
   * The {@code Class} of erased {@code type}: {@code Foo.class}, or for a private class, which the
   * generated code cannot name, {@code PrivateAccess.type(LOOKUP, "p.Foo$Entry")}.
   */
  private CodeBlock classOf(TypeMirror type) {
    TypeMirror erasure = types.erasure(type);
    if (Declarations.privateTypeIn(erasure) == null) {
      return CodeBlock.of("$T.class", typeNames.of(erasure));
    }
    return CodeBlock.of("$T.type($L, $S)", PRIVATE_ACCESS, LOOKUP, binaryName(erasure));
  }

  /** {@code p.Foo$Entry}, {@code [Lp.Foo$Entry;}: the name {@code Class.forName} takes. */
  private static String binaryName(TypeMirror erasure) {
    if (erasure.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((javax.lang.model.type.ArrayType) erasure).getComponentType();
      String inner = binaryName(component);
      return "[" + (component.getKind() == TypeKind.ARRAY ? inner : "L" + inner + ";");
    }
    Element element = ((javax.lang.model.type.DeclaredType) erasure).asElement();
    StringBuilder name = new StringBuilder(element.getSimpleName());
    for (Element e = element.getEnclosingElement(); !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "$");
    }
    PackageElement pkg = (PackageElement) Declarations.topLevel(element).getEnclosingElement();
    return pkg.isUnnamed() ? name.toString() : pkg.getQualifiedName() + "." + name;
  }

  /**
   * The cast that gives {@code invokeExact} its exact result type, the erasure: {@code (int)};
   * {@code (T) (Object)} or {@code (List<String>) (List)} for a type whose erasure differs, which
   * marks the accessor as unchecked.
   */
  private CodeBlock cast(TypeMirror type, MethodSpec.Builder accessor, boolean erasedForm) {
    if (erasedForm && !type.getKind().isPrimitive()) {
      // The erased handle returns an Object: a private class stays one, others are cast back.
      TypeName name = typeNames.of(type);
      if (name.equals(ClassName.OBJECT)) {
        return CodeBlock.of("(Object) ");
      }
      if (!(name instanceof ClassName)) {
        accessor.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "{$S, $S}", "unchecked", "rawtypes").build());
      }
      return CodeBlock.of("($T) (Object) ", name);
    }
    TypeMirror erasure = types.erasure(type);
    if (types.isSameType(erasure, type)) {
      return CodeBlock.of("($T) ", typeNames.of(type));
    }
    accessor.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "{$S, $S}", "unchecked", "rawtypes").build());
    return CodeBlock.of("($T) ($T) ", typeNames.of(type), typeNames.of(erasure));
  }

  /** {@code try { body } catch (Throwable e) { throw Sneaky.rethrow(e); }}: the member's own exceptions pass unchanged. */
  private static CodeBlock guarded(CodeBlock body) {
    return CodeBlock.builder().beginControlFlow("try").add(body)
        .nextControlFlow("catch ($T e)", Throwable.class)
        .addStatement("throw $T.<$T>rethrow(e)", SNEAKY, RuntimeException.class)
        .endControlFlow().build();
  }

  private TypeName erased(TypeMirror type) {
    return typeNames.of(types.erasure(type));
  }

  /** The type variables of {@code declaring}'s instances: its own and its enclosing instances' classes'. */
  private static List<TypeVariableName> typeVariables(TypeElement declaring) {
    List<TypeVariableName> variables = new ArrayList<>();
    for (TypeElement type : Signature.receiverChain(declaring)) {
      for (TypeParameterElement parameter : type.getTypeParameters()) {
        variables.add(TypeVariableName.get(parameter));
      }
    }
    return variables;
  }

  private TypeName selfType(TypeElement declaring) {
    if (Declarations.isHidden(declaring)) {
      return ClassName.OBJECT; // the generated code holds a private class's instances as Objects
    }
    TypeName self = null;
    for (TypeElement type : Signature.receiverChain(declaring)) {
      List<TypeName> arguments = new ArrayList<>();
      for (TypeParameterElement parameter : type.getTypeParameters()) {
        arguments.add(TypeVariableName.get(parameter));
      }
      self = typeNames.nest(self, type, arguments);
    }
    return self;
  }
}
