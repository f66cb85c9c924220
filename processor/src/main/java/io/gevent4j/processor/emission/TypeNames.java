package io.gevent4j.processor.emission;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeVariableName;
import com.squareup.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Turns types into JavaPoet names that can be written in source: non-denotable types (captures,
 * intersections, anonymous classes, the null type) become their nearest denotable supertype, and
 * a private class, which the generated class cannot name, {@code Object}.
 */
final class TypeNames {
  private final Types types;

  TypeNames(Types types) {
    this.types = types;
  }

  TypeName of(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
      case CHAR:
      case FLOAT:
      case DOUBLE:
      case VOID:
        return TypeName.get(type);
      case ARRAY:
        return ArrayTypeName.of(of(((ArrayType) type).getComponentType()));
      case DECLARED:
        return declared((DeclaredType) type);
      case TYPEVAR:
        return typeVariable((TypeVariable) type);
      case WILDCARD:
        return wildcard((WildcardType) type);
      case INTERSECTION:
        return of(((IntersectionType) type).getBounds().get(0));
      default:
        return ClassName.OBJECT;
    }
  }

  /**
   * {@code type} as code inside {@code resume$()} writes it: like {@link #of}, but a local class
   * of the body (declared at the top of {@code resume$()}) by its simple name.
   */
  TypeName inBody(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      if (element.getNestingKind() == NestingKind.LOCAL) {
        ClassName local = ClassName.get("", element.getSimpleName().toString());
        List<TypeName> arguments = new ArrayList<>();
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          arguments.add(inBody(argument));
        }
        return arguments.isEmpty() ? local : ParameterizedTypeName.get(local, arguments.toArray(new TypeName[0]));
      }
      if (!((DeclaredType) type).getTypeArguments().isEmpty() && mentionsLocalClass(type)) {
        List<TypeName> arguments = new ArrayList<>();
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          arguments.add(inBody(argument));
        }
        return ParameterizedTypeName.get(ClassName.get(element), arguments.toArray(new TypeName[0]));
      }
    } else if (type.getKind() == TypeKind.ARRAY) {
      return ArrayTypeName.of(inBody(((ArrayType) type).getComponentType()));
    }
    return of(type);
  }

  /**
   * Whether {@code type} names a local class of the body: a field cannot have it (the class is
   * declared in {@code resume$()}), so its field is an {@code Object} and reads cast it back.
   */
  boolean mentionsLocalClass(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED: {
        if (((TypeElement) ((DeclaredType) type).asElement()).getNestingKind() == NestingKind.LOCAL) {
          return true;
        }
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (mentionsLocalClass(argument)) {
            return true;
          }
        }
        return false;
      }
      case ARRAY:
        return mentionsLocalClass(((ArrayType) type).getComponentType());
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() != null && mentionsLocalClass(wildcard.getExtendsBound())
            || wildcard.getSuperBound() != null && mentionsLocalClass(wildcard.getSuperBound());
      }
      default:
        return false;
    }
  }

  /** {@code type} with a wildcard for each of its type parameters: {@code Enum<?>}, {@code Runnable}. */
  TypeName wildcarded(TypeElement type) {
    ClassName raw = ClassName.get(type);
    if (type.getTypeParameters().isEmpty()) {
      return raw;
    }
    TypeName[] arguments = new TypeName[type.getTypeParameters().size()];
    java.util.Arrays.fill(arguments, WildcardTypeName.subtypeOf(Object.class));
    return ParameterizedTypeName.get(raw, arguments);
  }

  /**
   * {@code type} with type arguments {@code arguments}, nested in {@code outer} (null, or the type
   * of its enclosing instance): {@code Shelf<T>}, then {@code Shelf<T>.Picker}.
   */
  TypeName nest(TypeName outer, TypeElement type, List<TypeName> arguments) {
    TypeName[] args = arguments.toArray(new TypeName[0]);
    if (outer instanceof ParameterizedTypeName) {
      return ((ParameterizedTypeName) outer).nestedClass(type.getSimpleName().toString(), arguments);
    }
    ClassName raw = outer == null ? (ClassName) of(types.erasure(type.asType())) : ((ClassName) outer).nestedClass(type.getSimpleName().toString());
    return args.length == 0 ? raw : ParameterizedTypeName.get(raw, args);
  }

  /** The type of a field holding {@code type}. */
  TypeName field(TypeMirror type) {
    return mentionsLocalClass(type) ? ClassName.OBJECT : of(type);
  }

  /** The boxed form of {@code type}, for casts of results delivered as {@code Object}. */
  TypeName boxed(TypeMirror type) {
    return of(type).box();
  }

  private TypeName declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    if (element.getNestingKind() == NestingKind.ANONYMOUS || element.getNestingKind() == NestingKind.LOCAL) {
      List<? extends TypeMirror> supertypes = types.directSupertypes(type);
      // Erased: `Enum<E>` of a local enum would name the local type again.
      return supertypes.isEmpty() ? ClassName.OBJECT : of(types.erasure(supertypes.get(supertypes.size() > 1 ? 1 : 0)));
    }
    if (io.gevent4j.processor.analysis.Declarations.isHidden(element)) {
      return ClassName.OBJECT; // a private class: generated code holds its values as Objects (ARCHITECTURE, "Private classes")
    }
    List<TypeName> arguments = new ArrayList<>();
    for (TypeMirror argument : type.getTypeArguments()) {
      arguments.add(of(argument));
    }
    TypeMirror enclosing = type.getEnclosingType(); // an inner class's: Shelf<String> of Shelf<String>.Picker
    TypeName outer = enclosing.getKind() == TypeKind.DECLARED ? of(enclosing) : null;
    if (outer instanceof ParameterizedTypeName) {
      return ((ParameterizedTypeName) outer).nestedClass(element.getSimpleName().toString(), arguments);
    }
    ClassName raw = ClassName.get(element);
    return arguments.isEmpty() ? raw : ParameterizedTypeName.get(raw, arguments.toArray(new TypeName[0]));
  }

  private TypeName typeVariable(TypeVariable type) {
    if (isCaptured(type)) {
      return of(type.getUpperBound());
    }
    return TypeVariableName.get(type.asElement().getSimpleName().toString());
  }

  private TypeName wildcard(WildcardType type) {
    if (type.getExtendsBound() != null) {
      return WildcardTypeName.subtypeOf(of(type.getExtendsBound()));
    }
    if (type.getSuperBound() != null) {
      return WildcardTypeName.supertypeOf(of(type.getSuperBound()));
    }
    return WildcardTypeName.subtypeOf(Object.class);
  }

  private static boolean isCaptured(TypeVariable type) {
    return type.toString().startsWith("capture#");
  }
}
