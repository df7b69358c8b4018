package io.codelibra.lifeline.ingest.cloudwatch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The alarm-state-change JSON CloudWatch publishes to SNS (the SNS {@code Message}). Only the fields
 * Lifeline uses are read; scalars are kept as text because CloudWatch writes some as numbers and
 * some as null. Composite alarms have no {@code Trigger}; metric-math alarms have a Trigger with
 * {@code Metrics} instead of MetricName/Namespace/Dimensions (not read).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudWatchAlarm(
    @JsonProperty("AlarmName") String alarmName,
    @JsonProperty("AlarmDescription") String alarmDescription,
    @JsonProperty("AWSAccountId") String awsAccountId,
    @JsonProperty("NewStateValue") String newStateValue,
    @JsonProperty("NewStateReason") String newStateReason,
    @JsonProperty("StateChangeTime") String stateChangeTime,
    @JsonProperty("Region") String region,
    @JsonProperty("AlarmArn") String alarmArn,
    @JsonProperty("OldStateValue") String oldStateValue,
    @JsonProperty("Trigger") Trigger trigger) {

  /** What the alarm watches and when it fires. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Trigger(
      @JsonProperty("MetricName") String metricName,
      @JsonProperty("Namespace") String namespace,
      @JsonProperty("Statistic") String statistic,
      @JsonProperty("ExtendedStatistic") String extendedStatistic,
      @JsonProperty("Unit") String unit,
      @JsonProperty("Dimensions") List<Dimension> dimensions,
      @JsonProperty("Period") String period,
      @JsonProperty("EvaluationPeriods") String evaluationPeriods,
      @JsonProperty("ComparisonOperator") String comparisonOperator,
      @JsonProperty("Threshold") String threshold) {
  }

  /** One metric dimension; CloudWatch writes these two keys in lower case. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Dimension(@JsonProperty("name") String name, @JsonProperty("value") String value) {
  }
}
