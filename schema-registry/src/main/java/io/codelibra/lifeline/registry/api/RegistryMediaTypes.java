package io.codelibra.lifeline.registry.api;

/** The content types Confluent's registry speaks: its own JSON types first, plain JSON, and octet-stream bodies. */
public final class RegistryMediaTypes {

  public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  public static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
  public static final String JSON = "application/json";
  /** Confluent accepts JSON bodies sent as octet-stream ("generic request"), and so does this registry. */
  public static final String OCTET_STREAM = "application/octet-stream";

  private RegistryMediaTypes() {
  }
}
