package io.codelibra.lifeline.schemas.serde;

import java.time.Duration;
import java.util.Map;

/**
 * The serde's settings, read from the Kafka client configuration under Confluent's own keys so
 * existing configurations carry over.
 */
public record SerdeConfig(
    String registryUrl,
    String basicAuthUserInfo,
    boolean autoRegisterSchemas,
    SubjectNaming subjectNaming,
    Duration requestTimeout) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  public static SerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " must be set for the Lifeline Avro serde");
    }
    Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
    Object autoRegister = configs.get(AUTO_REGISTER_SCHEMAS);
    Object strategy = configs.get(VALUE_SUBJECT_NAME_STRATEGY);
    Object timeout = configs.get(REQUEST_TIMEOUT_MS);
    return new SerdeConfig(
        url.toString(),
        userInfo == null ? null : userInfo.toString(),
        autoRegister != null && Boolean.parseBoolean(autoRegister.toString()),
        SubjectNaming.parse(strategy == null ? null : strategy.toString()),
        Duration.ofMillis(timeout == null ? 10_000 : Long.parseLong(timeout.toString())));
  }
}
