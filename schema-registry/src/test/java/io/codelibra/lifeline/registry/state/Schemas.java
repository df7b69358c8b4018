package io.codelibra.lifeline.registry.state;

/** Avro schema texts the state tests evolve: an Alert record gaining fields with and without defaults. */
final class Schemas {

  static final String ALERT_V1 = """
      {"type":"record","name":"Alert","namespace":"test","fields":[
        {"name":"id","type":"string"}]}""";

  /** V1 plus a field with a default: backward and forward compatible with V1. */
  static final String ALERT_WITH_SEVERITY_DEFAULT = """
      {"type":"record","name":"Alert","namespace":"test","fields":[
        {"name":"id","type":"string"},
        {"name":"severity","type":"string","default":"low"}]}""";

  /** V1 plus a field without a default: forward compatible with V1, not backward. */
  static final String ALERT_WITH_SEVERITY_REQUIRED = """
      {"type":"record","name":"Alert","namespace":"test","fields":[
        {"name":"id","type":"string"},
        {"name":"severity","type":"string"}]}""";

  /** Without the required id: backward compatible with V1, not forward. */
  static final String ALERT_WITHOUT_ID = """
      {"type":"record","name":"Alert","namespace":"test","fields":[
        {"name":"source","type":"string","default":"unknown"}]}""";

  static final String REGION = """
      {"type":"record","name":"Region","namespace":"test","fields":[{"name":"name","type":"string"}]}""";

  private Schemas() {
  }

  static ParsedSchema parsed(String text) {
    return ParsedSchema.parse(text);
  }
}
