package io.gevent4j.processor.emission;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** The types of a coroutine's factories and machine. */
final class Signature {
  final ExecutableElement method;
  final List<TypeVariableName> typeVariables = new ArrayList<>();
  final TypeName selfType;
  final TypeName result;
  final TypeNames typeNames;

  Signature(ExecutableElement method, TypeNames typeNames, Types types) {
    this.method = method;
    this.typeNames = typeNames;
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    java.util.Set<String> methodVariables = new java.util.HashSet<>();
    for (TypeParameterElement parameter : method.getTypeParameters()) {
      methodVariables.add(parameter.getSimpleName().toString());
    }
    TypeName self = null;
    if (!isStatic) {
      // An inner class's receiver type names its enclosing classes' type arguments too: Shelf<T>.Picker.
      for (TypeElement type : receiverChain(owner)) {
        List<TypeName> arguments = new ArrayList<>();
        for (TypeParameterElement parameter : type.getTypeParameters()) {
          TypeVariableName variable = TypeVariableName.get(parameter);
          if (methodVariables.contains(variable.name)) {
            // The method's own T hides the class's T in the body; the receiver's type still needs it.
            variable = TypeVariableName.get(variable.name + "$", variable.bounds.toArray(new TypeName[0]));
          }
          typeVariables.add(variable);
          arguments.add(variable);
        }
        self = typeNames.nest(self, type, arguments);
      }
    }
    for (TypeParameterElement parameter : method.getTypeParameters()) {
      typeVariables.add(TypeVariableName.get(parameter));
    }
    this.selfType = self;
    this.result = method.getReturnType().getKind() == TypeKind.VOID ? ClassName.get(Void.class) : typeNames.boxed(method.getReturnType());
  }

  /**
   * {@code owner} and the classes whose instances enclose it (an inner class's, up to the first
   * static or top-level one), outermost first: the classes whose type variables its instances have.
   */
  static List<TypeElement> receiverChain(TypeElement owner) {
    java.util.LinkedList<TypeElement> chain = new java.util.LinkedList<>();
    TypeElement type = owner;
    chain.addFirst(type);
    while (type.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == javax.lang.model.element.ElementKind.CLASS && type.getEnclosingElement() instanceof TypeElement) {
      type = (TypeElement) type.getEnclosingElement();
      chain.addFirst(type);
    }
    return chain;
  }

  List<String> factoryParameterNames() {
    List<String> names = new ArrayList<>();
    if (selfType != null) {
      names.add(selfName());
    }
    for (Element parameter : method.getParameters()) {
      names.add(parameter.getSimpleName().toString());
    }
    return names;
  }

  MethodSpec.Builder factory(String name, TypeName returns) {
    MethodSpec.Builder factory = MethodSpec.methodBuilder(name)
        .addTypeVariables(typeVariables)
        .returns(returns)
        .varargs(method.isVarArgs());
    if (selfType != null) {
      factory.addParameter(selfType, selfName());
    }
    for (Element parameter : method.getParameters()) {
      factory.addParameter(typeNames.of(parameter.asType()), parameter.getSimpleName().toString());
    }
    return factory;
  }

  /** The receiver's parameter name in the factories. */
  String selfName() {
    return fresh("self");
  }

  /** {@code base}, with {@code $} appended until no parameter has that name. */
  String fresh(String base) {
    String name = base;
    for (Element parameter : method.getParameters()) {
      if (parameter.getSimpleName().contentEquals(name)) {
        return fresh(name + "$");
      }
    }
    return name;
  }

  /** {@code m(int, Object)}: the method as a Javadoc {@code @link} names it (type variables and private classes as Object). */
  static String javadoc(ExecutableElement method) {
    StringBuilder out = new StringBuilder(method.getSimpleName()).append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      TypeMirror type = method.getParameters().get(i).asType();
      boolean object = type.getKind() == TypeKind.TYPEVAR || io.gevent4j.processor.analysis.Declarations.privateTypeIn(type) != null;
      out.append(i == 0 ? "" : ", ").append(object ? "Object" : erasedName(type));
    }
    return out.append(')').toString();
  }

  private static String erasedName(TypeMirror type) {
    String name = type.toString();
    int generic = name.indexOf('<');
    return generic < 0 ? name : name.substring(0, generic);
  }
}
