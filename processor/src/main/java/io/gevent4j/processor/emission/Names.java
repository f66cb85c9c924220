package io.gevent4j.processor.emission;

import com.squareup.javapoet.ClassName;
import io.gevent4j.processor.model.FrameContract;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** The names of generated classes and members, one function per kind (Dagger's SourceFiles). */
public final class Names {
  /** The field holding the receiver of an instance coroutine. */
  static final String SELF = FrameContract.SELF;
  /** The label of the state machine's dispatch loop. */
  static final String DISPATCH = FrameContract.DISPATCH;

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

  /** The generated static method that creates a frame of {@code method}, for calls from coroutines. */
  static String frameFactory(ExecutableElement method) {
    return method.getSimpleName() + FrameContract.FRAME_FACTORY_SUFFIX;
  }

  /** {@code FetchMachine} for {@code fetch}, numbered for overloads: {@code Fetch2Machine}. */
  public static String machineClassName(ExecutableElement method, int overloadIndex) {
    String name = method.getSimpleName().toString();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + (overloadIndex == 0 ? "" : String.valueOf(overloadIndex + 1)) + "Machine";
  }
}
