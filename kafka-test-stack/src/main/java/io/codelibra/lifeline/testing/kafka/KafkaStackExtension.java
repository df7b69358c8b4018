package io.codelibra.lifeline.testing.kafka;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link KafkaStack} per test JVM (closed when the JVM's tests end) and publishes its
 * addresses as system properties, so a {@code @SpringBootTest} after this extension connects to it.
 * Test methods and constructors may take the {@link KafkaStack} as a parameter.
 */
public class KafkaStackExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaStackExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    KafkaStack stack = stack(context);
    stack.serviceProperties().forEach(System::setProperty);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  private static KafkaStack stack(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(KafkaStack.class, type -> KafkaStack.startEmbedded(), KafkaStack.class);
  }
}
