package io.gevent4j.processor.emission;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.model.FrameContract;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import java.util.List;
import javax.lang.model.util.Types;

/**
 * Emits the members of {@code FooCoroutines} for one coroutine, from its declaration alone: the
 * public greenlet factory; the frame factory {@code m$frame} that calling coroutines use, which
 * dispatches on the receiver's class when the method is overridable; the non-virtual
 * {@code m$special} of an instance method with a body (what {@code super.m()} and the runtime's
 * dispatch call); and the dispatch's {@code static final} field.
 */
public final class FactoryEmitter {
  static final ClassName DISPATCH = ClassName.bestGuess(FrameContract.DISPATCH_CLASS);

  private final Types types;
  private final TypeNames typeNames;

  public FactoryEmitter(Types types) {
    this.types = types;
    this.typeNames = new TypeNames(types);
  }

  /**
   * Adds {@code method}'s factories to {@code methods} and its dispatch to {@code fields};
   * {@code machineName} is its machine's, from {@link Names#machineClassNames}.
   */
  public void addFactories(ExecutableElement method, String machineName, List<FieldSpec> fields, List<MethodSpec> methods) {
    Signature signature = new Signature(method, typeNames, types);
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String arguments = String.join(", ", signature.factoryParameterNames());
    boolean hasBody = !method.getModifiers().contains(Modifier.ABSTRACT);
    boolean overridable = Declarations.isOverridable(method);
    CodeBlock ownFrame = CodeBlock.of("$T.$L($L)", Names.machinesClass(owner), Names.frameFactory(method), arguments);
    CodeBlock frame = overridable ? CodeBlock.of("$L($L)", Names.frameFactory(method), arguments) : ownFrame;
    TypeName frameType = ParameterizedTypeName.get(MachineEmitter.FRAME, signature.result);
    String link = Signature.javadoc(method);

    methods.add(signature.factory(method.getSimpleName().toString(), ParameterizedTypeName.get(MachineEmitter.GREENLET, signature.result))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A new, unstarted greenlet running {@link $T#$L}.\n", ClassName.get(owner), link)
        .addStatement("return $T.of($L)", MachineEmitter.GREENLET, frame).build());
    MethodSpec.Builder frameFactory = signature.factory(Names.frameFactory(method), frameType)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC);
    if (overridable) {
      String field = Names.dispatchField(machineName);
      fields.add(dispatchField(method, owner, field));
      frameFactory
          // The handle's result is an Object cast to the frame type.
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
          .addCode(dispatch(signature, owner, field, hasBody && isInstantiable(owner) ? ownFrame : null, frameType));
    } else {
      frameFactory.addStatement("return $L", ownFrame);
    }
    methods.add(frameFactory.build());
    if (hasBody && !method.getModifiers().contains(Modifier.STATIC) && !method.getModifiers().contains(Modifier.PRIVATE)) {
      methods.add(signature.factory(Names.specialFactory(method), frameType)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addStatement("return $L", ownFrame).build());
    }
  }

  /** {@code CoroutineDispatch.of(B.class, "m", int.class, Object.class)}: the erased parameter types. */
  private FieldSpec dispatchField(ExecutableElement method, TypeElement owner, String name) {
    CodeBlock.Builder of = CodeBlock.builder().add("$T.of($T.class, $S", DISPATCH, typeNames.of(types.erasure(owner.asType())), method.getSimpleName());
    for (VariableElement parameter : method.getParameters()) {
      of.add(", $T.class", typeNames.of(types.erasure(parameter.asType())));
    }
    return FieldSpec.builder(DISPATCH, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(of.add(")").build()).build();
  }

  /**
   * The body of a dispatching frame factory: the declaring class's own frame when the receiver is
   * exactly of that class ({@code ownFrame}, null for an abstract method or class), else the frame
   * factory the dispatch finds for the receiver's class.
   */
  private CodeBlock dispatch(Signature signature, TypeElement owner, String field, CodeBlock ownFrame, TypeName frameType) {
    String self = signature.selfName();
    String failure = signature.fresh("failure");
    CodeBlock.Builder body = CodeBlock.builder();
    if (ownFrame != null) {
      body.beginControlFlow("if ($L.getClass() == $T.class)", self, typeNames.of(types.erasure(owner.asType())))
          .addStatement("return $L", ownFrame)
          .endControlFlow();
    }
    return body.beginControlFlow("try")
        .addStatement("return ($T) $T.$L.target($L.getClass()).invokeExact($L)", frameType, Names.coroutinesClass(owner), field, self,
            String.join(", ", signature.factoryParameterNames()))
        .nextControlFlow("catch ($T $L)", Throwable.class, failure)
        .addStatement("throw $T.rethrow($L)", DISPATCH, failure)
        .endControlFlow()
        .build();
  }

  /** Whether a receiver's class can be {@code owner} itself: a class that is not abstract. */
  private static boolean isInstantiable(TypeElement owner) {
    return !owner.getKind().isInterface() && !owner.getModifiers().contains(Modifier.ABSTRACT);
  }
}
