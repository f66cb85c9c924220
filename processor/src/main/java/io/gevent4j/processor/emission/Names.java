package io.gevent4j.processor.emission;

import com.squareup.javapoet.ClassName;
import io.gevent4j.processor.model.FrameContract;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/** The names of generated classes and members, one function per kind (Dagger's SourceFiles). */
public final class Names {
  /** The field holding the receiver of an instance coroutine. */
  static final String SELF = FrameContract.SELF;
  /** The label of the state machine's dispatch loop. */
  static final String DISPATCH = FrameContract.DISPATCH;
  private static final String MACHINE_SUFFIX = "$Machine";

  private Names() {}

  /** {@code p.FooCoroutines} for {@code p.Foo}; {@code p.Outer_InnerCoroutines} for {@code p.Outer.Inner}. */
  public static ClassName coroutinesClass(TypeElement type) {
    StringBuilder simple = new StringBuilder(type.getSimpleName());
    Element enclosing = type.getEnclosingElement();
    while (enclosing.getKind() != ElementKind.PACKAGE) {
      simple.insert(0, enclosing.getSimpleName() + "_");
      enclosing = enclosing.getEnclosingElement();
    }
    return ClassName.get(((PackageElement) enclosing).getQualifiedName().toString(), simple + "Coroutines");
  }

  /**
   * {@code p.FooCoroutines_Machines}: the state machines of {@code p.Foo}'s coroutines, written
   * the round after {@link #coroutinesClass} (the {@code _} keeps it apart from every other
   * generated name, which ends in {@code Coroutines}).
   */
  public static ClassName machinesClass(TypeElement type) {
    ClassName coroutines = coroutinesClass(type);
    return ClassName.get(coroutines.packageName(), coroutines.simpleName() + "_Machines");
  }

  /** The generated static method that creates a frame of {@code method}, for calls from coroutines. */
  static String frameFactory(ExecutableElement method) {
    return method.getSimpleName() + FrameContract.FRAME_FACTORY_SUFFIX;
  }

  /** The generated static method that creates {@code method}'s own frame, whatever the receiver's class. */
  static String specialFactory(ExecutableElement method) {
    return method.getSimpleName() + FrameContract.SPECIAL_FACTORY_SUFFIX;
  }

  /** The static field of {@code FooCoroutines} holding an overridable coroutine's dispatch, named after its machine. */
  static String dispatchField(String machineClassName) {
    return machineClassName.substring(0, machineClassName.length() - MACHINE_SUFFIX.length()) + "$dispatch";
  }

  /**
   * The state machine class of each coroutine of one class, by method: {@code fetch$Machine};
   * {@code fetch$String$int$Machine} where the name is overloaded; a {@code $n} suffix where two
   * names would still differ only in case (class files of one directory, on a case-insensitive
   * file system). The {@code $} keeps them apart from every user type name.
   */
  public static Map<ExecutableElement, String> machineClassNames(List<ExecutableElement> methods) {
    Map<String, Integer> counts = new HashMap<>();
    for (ExecutableElement method : methods) {
      counts.merge(method.getSimpleName().toString(), 1, Integer::sum);
    }
    Map<ExecutableElement, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (ExecutableElement method : methods) {
      StringBuilder name = new StringBuilder(method.getSimpleName());
      if (counts.get(method.getSimpleName().toString()) > 1) {
        for (VariableElement parameter : method.getParameters()) {
          name.append('$').append(identifierPart(parameter.asType()));
        }
      }
      String candidate = name + MACHINE_SUFFIX;
      for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
        candidate = name + "$" + n + MACHINE_SUFFIX;
      }
      names.put(method, candidate);
    }
    return names;
  }

  /** {@code int}, {@code String}, {@code intArray}: a type's erased simple name, as an identifier part. */
  static String identifierPart(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return identifierPart(((ArrayType) type).getComponentType()) + "Array";
      case DECLARED:
        return ((DeclaredType) type).asElement().getSimpleName().toString();
      case TYPEVAR:
        return ((TypeVariable) type).asElement().getSimpleName().toString();
      default:
        return type.getKind().isPrimitive() ? type.toString() : "Object";
    }
  }
}
