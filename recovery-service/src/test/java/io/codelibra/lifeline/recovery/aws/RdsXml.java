package io.codelibra.lifeline.recovery.aws;

/** Canned RDS query-protocol answers, shaped like the real service's. */
final class RdsXml {

  static final String NS = "http://rds.amazonaws.com/doc/2014-10-31/";

  private RdsXml() {
  }

  static String snapshot(String id, String instance, String status, String createTime) {
    return """
        <DBSnapshot>
          <DBSnapshotIdentifier>%s</DBSnapshotIdentifier>
          <DBInstanceIdentifier>%s</DBInstanceIdentifier>
          <Status>%s</Status>
          <SnapshotCreateTime>%s</SnapshotCreateTime>
          <SnapshotType>manual</SnapshotType>
          <DBSnapshotArn>arn:aws:rds:us-west-2:123456789012:snapshot:%s</DBSnapshotArn>
        </DBSnapshot>""".formatted(id, instance, status, createTime, id);
  }

  static String describeSnapshots(String... snapshots) {
    return """
        <DescribeDBSnapshotsResponse xmlns="%s">
          <DescribeDBSnapshotsResult><DBSnapshots>%s</DBSnapshots></DescribeDBSnapshotsResult>
          <ResponseMetadata><RequestId>req-describe-snapshots</RequestId></ResponseMetadata>
        </DescribeDBSnapshotsResponse>""".formatted(NS, String.join("", snapshots));
  }

  static String result(String action, String body) {
    return """
        <%1$sResponse xmlns="%2$s">
          <%1$sResult>%3$s</%1$sResult>
          <ResponseMetadata><RequestId>req-%1$s</RequestId></ResponseMetadata>
        </%1$sResponse>""".formatted(action, NS, body);
  }

  static String instance(String id, String status, String zone, boolean multiAz, String source) {
    return """
        <DBInstance>
          <DBInstanceIdentifier>%s</DBInstanceIdentifier>
          <DBInstanceStatus>%s</DBInstanceStatus>
          <AvailabilityZone>%s</AvailabilityZone>
          <MultiAZ>%s</MultiAZ>
          <Engine>postgres</Engine>
          <Endpoint><Address>%s.abc123.us-west-2.rds.amazonaws.com</Address><Port>5432</Port></Endpoint>
          %s
        </DBInstance>""".formatted(id, status, zone, multiAz, id, source == null ? ""
        : "<ReadReplicaSourceDBInstanceIdentifier>" + source + "</ReadReplicaSourceDBInstanceIdentifier>");
  }

  static String describeInstances(String... instances) {
    return result("DescribeDBInstances", "<DBInstances>" + String.join("", instances) + "</DBInstances>");
  }

  static String error(String code, String message) {
    return """
        <ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>\
        <RequestId>req-error</RequestId></ErrorResponse>""".formatted(NS, code, message);
  }
}
