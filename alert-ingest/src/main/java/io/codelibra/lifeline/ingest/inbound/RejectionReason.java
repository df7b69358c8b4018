package io.codelibra.lifeline.ingest.inbound;

/**
 * Why a record on {@code alerts.inbound} was dead-lettered: the {@code lifeline.dlq.reason} header and
 * the {@code reason} tag of {@code lifeline.ingest.rejected{source="kafka"}}.
 */
public enum RejectionReason {
  /** The value is larger than {@code lifeline.ingest.max-body-size}. */
  TOO_LARGE("too_large"),
  /** No value (a tombstone), an empty one, or only whitespace. */
  EMPTY_VALUE("empty_value"),
  /** Neither the registry wire format (first byte 0) nor JSON. */
  UNRECOGNISED_FORMAT("unrecognised_format"),
  /** Starts like a JSON object but is not well-formed JSON, or has more than one value. */
  MALFORMED_JSON("malformed_json"),
  /** Well-formed JSON, but an array, string, number, boolean or null instead of one alert object. */
  JSON_NOT_OBJECT("json_not_object"),
  /** A JSON object or an AlertRaised that fails the alert's rules (required fields, types, severity, status). */
  INVALID_ALERT("invalid_alert"),
  /** Wire format whose schema id the registry does not know. */
  UNKNOWN_SCHEMA("unknown_schema"),
  /** Wire format of a registered schema other than AlertRaised (e.g. IncidentOpened), or not Avro at all. */
  NOT_ALERT_RAISED("not_alert_raised"),
  /** Wire format that is cut short or whose Avro body does not decode with its writer's schema. */
  UNDECODABLE_AVRO("undecodable_avro");

  private final String code;

  RejectionReason(String code) {
    this.code = code;
  }

  /** The stable code used in headers and metric tags. */
  public String code() {
    return code;
  }
}
