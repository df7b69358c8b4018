package io.codelibra.lifeline.failover.routing;

import static io.codelibra.lifeline.failover.routing.AwsTestEndpoint.text;
import static io.codelibra.lifeline.failover.routing.AwsTestEndpoint.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.FailoverRecord;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.RecordTarget;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.RecordType;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

class Route53FailoverRouterTest {

  private static final String ZONE = "Z0LIFELINE0ZONE";
  private static final String HEALTH_CHECK = "abcdef11-2222-3333-4444-555555fedcba";
  private static final String PRIMARY_LB = "primary-lb-1234567890.us-east-1.elb.amazonaws.com";
  private static final String SECONDARY_LB = "secondary-lb-987654321.us-west-2.elb.amazonaws.com";
  private static final Map<String, String> XML = Map.of("Content-Type", "text/xml");

  private RecordingHttpServer aws;
  private Route53Client route53;
  private Route53FailoverRouter router;

  @BeforeEach
  void start() throws Exception {
    aws = RecordingHttpServer.start();
    route53 = AwsTestEndpoint.client(Route53Client.builder(), aws, Region.AWS_GLOBAL);
    // As in the RFC's Terraform: www A alias records, PRIMARY with the health check, SECONDARY without.
    router = new Route53FailoverRouter(route53, new Route53FailoverSettings(ZONE, "www.codelibra.com", RecordType.A,
        new FailoverRecord("us-east-1", "primary", HEALTH_CHECK,
            new RecordTarget.Alias("Z35SXDOTRQ7X7K", PRIMARY_LB, true)),
        new FailoverRecord("us-west-2", "secondary", null,
            new RecordTarget.Alias("Z1H1FL5HABSF5", SECONDARY_LB, true)),
        Duration.ofSeconds(10), Duration.ofMillis(20)), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    route53.close();
    aws.close();
  }

  @Test
  void failsOverByUpsertingThePrimaryRecordWithTheSecondaryTargetThenWaitsAndReadsBack() throws Exception {
    aws.thenAnswer(200, recordSets("Z35SXDOTRQ7X7K", "dualstack." + PRIMARY_LB), XML)
        .thenAnswer(200, changeInfo("ChangeResourceRecordSetsResponse", "PENDING"), XML)
        .thenAnswer(200, changeInfo("GetChangeResponse", "PENDING"), XML)
        .thenAnswer(200, changeInfo("GetChangeResponse", "INSYNC"), XML)
        .thenAnswer(200, recordSets("Z1H1FL5HABSF5", "dualstack." + SECONDARY_LB), XML);

    RoutingChange change = router.routeTo("us-west-2");

    assertThat(change.fromRegion()).isEqualTo("us-east-1");
    assertThat(change.changed()).isTrue();
    assertThat(change.verified().activeRegion()).isEqualTo("us-west-2");
    assertThat(change.steps()).extracting(ExecutedStep::name).containsExactly("route53-read-routing",
        "route53-change-record-sets", "route53-wait-insync", "route53-verify-routing");
    assertThat(change.steps()).allSatisfy(step -> {
      assertThat(step.outcome()).isEqualTo(ExecutedStep.Outcome.SUCCEEDED);
      assertThat(step.endedAt()).isAfterOrEqualTo(step.startedAt());
    });

    RecordingHttpServer.Received list = aws.take();
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.path()).isEqualTo("/2013-04-01/hostedzone/" + ZONE + "/rrset");

    RecordingHttpServer.Received upsert = aws.take();
    assertThat(upsert.method()).isEqualTo("POST");
    assertThat(upsert.path()).isEqualTo("/2013-04-01/hostedzone/" + ZONE + "/rrset/");
    assertThat(upsert.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDLIFELINETEST/")
        .contains("/route53/aws4_request");
    Document body = xml(upsert.text());
    assertThat(body.getDocumentElement().getTagName()).isEqualTo("ChangeResourceRecordSetsRequest");
    assertThat(body.getElementsByTagName("Change").getLength()).isEqualTo(1);
    assertThat(text(body, "Action")).isEqualTo("UPSERT");
    assertThat(text(body, "Name")).isEqualTo("www.codelibra.com");
    assertThat(text(body, "Type")).isEqualTo("A");
    assertThat(text(body, "SetIdentifier")).isEqualTo("primary");
    assertThat(text(body, "Failover")).isEqualTo("PRIMARY");
    assertThat(text(body, "HealthCheckId")).isEqualTo(HEALTH_CHECK);
    assertThat(text(body, "HostedZoneId")).isEqualTo("Z1H1FL5HABSF5");
    assertThat(text(body, "DNSName")).isEqualTo(SECONDARY_LB);
    assertThat(text(body, "EvaluateTargetHealth")).isEqualTo("true");
    assertThat(body.getElementsByTagName("TTL").getLength()).isZero();

    RecordingHttpServer.Received firstPoll = aws.take();
    assertThat(firstPoll.method()).isEqualTo("GET");
    assertThat(firstPoll.path()).isEqualTo("/2013-04-01/change/C2682N5HXP0BZ4");
    assertThat(aws.take().path()).isEqualTo("/2013-04-01/change/C2682N5HXP0BZ4");
    assertThat(aws.take().path()).isEqualTo("/2013-04-01/hostedzone/" + ZONE + "/rrset");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void failsBackByPointingThePrimaryRecordAtThePrimaryTargetAgain() throws Exception {
    aws.thenAnswer(200, recordSets("Z1H1FL5HABSF5", SECONDARY_LB + "."), XML)
        .thenAnswer(200, changeInfo("ChangeResourceRecordSetsResponse", "INSYNC"), XML)
        .thenAnswer(200, recordSets("Z35SXDOTRQ7X7K", PRIMARY_LB + "."), XML);

    RoutingChange change = router.routeTo("us-east-1");

    assertThat(change.fromRegion()).isEqualTo("us-west-2");
    assertThat(change.verified().activeRegion()).isEqualTo("us-east-1");
    aws.take();
    Document body = xml(aws.take().text());
    assertThat(text(body, "SetIdentifier")).isEqualTo("primary");
    assertThat(text(body, "Failover")).isEqualTo("PRIMARY");
    assertThat(text(body, "DNSName")).isEqualTo(PRIMARY_LB);
    assertThat(text(body, "HostedZoneId")).isEqualTo("Z35SXDOTRQ7X7K");
  }

  @Test
  void changesNothingWhenTrafficAlreadyGoesToTheRegion() throws Exception {
    aws.thenAnswer(200, recordSets("Z1H1FL5HABSF5", "dualstack." + SECONDARY_LB + "."), XML);

    RoutingChange change = router.routeTo("us-west-2");

    assertThat(change.changed()).isFalse();
    assertThat(change.steps()).extracting(ExecutedStep::outcome)
        .containsExactly(ExecutedStep.Outcome.SUCCEEDED, ExecutedStep.Outcome.SKIPPED);
    aws.take();
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void failsWithItsStepsWhenTheReadBackStillShowsThePrimaryTarget() {
    aws.thenAnswer(200, recordSets("Z35SXDOTRQ7X7K", PRIMARY_LB), XML)
        .thenAnswer(200, changeInfo("ChangeResourceRecordSetsResponse", "INSYNC"), XML)
        .thenAnswer(200, recordSets("Z35SXDOTRQ7X7K", PRIMARY_LB), XML);

    assertThatThrownBy(() -> router.routeTo("us-west-2"))
        .isInstanceOfSatisfying(FailoverStepException.class, e -> {
          assertThat(e.getMessage()).contains("read-back").contains("us-east-1");
          assertThat(e.steps()).extracting(ExecutedStep::name).containsExactly("route53-read-routing",
              "route53-change-record-sets", "route53-wait-insync", "route53-verify-routing");
        });
  }

  @Test
  void reportsAFailedStepWhenRoute53RefusesTheChange() {
    aws.thenAnswer(200, recordSets("Z35SXDOTRQ7X7K", PRIMARY_LB), XML)
        .thenAnswer(400, """
            <?xml version="1.0"?>
            <ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type>\
            <Code>InvalidChangeBatch</Code><Message>Tried to create an alias that targets a nonexistent load balancer</Message>\
            </Error><RequestId>req-1</RequestId></ErrorResponse>""", XML);

    assertThatThrownBy(() -> router.routeTo("us-west-2"))
        .isInstanceOfSatisfying(FailoverStepException.class, e -> {
          ExecutedStep failed = e.steps().getLast();
          assertThat(failed.name()).isEqualTo("route53-change-record-sets");
          assertThat(failed.outcome()).isEqualTo(ExecutedStep.Outcome.FAILED);
          assertThat(failed.detail()).contains("nonexistent load balancer");
        });
  }

  @Test
  void readsTheCurrentRegionFromThePrimaryRecord() throws Exception {
    aws.thenAnswer(200, recordSets("Z1H1FL5HABSF5", "dualstack." + SECONDARY_LB.toUpperCase() + "."), XML);

    assertThat(router.current().activeRegion()).isEqualTo("us-west-2");
  }

  private static String recordSets(String primaryZone, String primaryDnsName) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
          <ResourceRecordSets>
            <ResourceRecordSet>
              <Name>www.codelibra.com.</Name><Type>A</Type><SetIdentifier>primary</SetIdentifier><Failover>PRIMARY</Failover>
              <AliasTarget><HostedZoneId>%s</HostedZoneId><DNSName>%s</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>
              <HealthCheckId>%s</HealthCheckId>
            </ResourceRecordSet>
            <ResourceRecordSet>
              <Name>www.codelibra.com.</Name><Type>A</Type><SetIdentifier>secondary</SetIdentifier><Failover>SECONDARY</Failover>
              <AliasTarget><HostedZoneId>Z1H1FL5HABSF5</HostedZoneId><DNSName>dualstack.%s.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>
            </ResourceRecordSet>
          </ResourceRecordSets>
          <IsTruncated>false</IsTruncated>
          <MaxItems>100</MaxItems>
        </ListResourceRecordSetsResponse>""".formatted(primaryZone, primaryDnsName, HEALTH_CHECK, SECONDARY_LB);
  }

  private static String changeInfo(String root, String status) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <%1$s xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
          <ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>%2$s</Status><SubmittedAt>2026-11-25T01:00:00.000Z</SubmittedAt></ChangeInfo>
        </%1$s>""".formatted(root, status);
  }
}
