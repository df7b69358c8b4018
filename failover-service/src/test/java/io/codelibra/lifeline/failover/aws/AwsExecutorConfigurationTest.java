package io.codelibra.lifeline.failover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.failover.database.AuroraGlobalClusterFailover;
import io.codelibra.lifeline.failover.database.AuroraGlobalClusterSettings;
import io.codelibra.lifeline.failover.database.DynamoDbGlobalTableCheck;
import io.codelibra.lifeline.failover.database.DynamoDbGlobalTableSettings;
import io.codelibra.lifeline.failover.database.RdsPromotionSettings;
import io.codelibra.lifeline.failover.database.RdsReplicaPromotion;
import io.codelibra.lifeline.failover.executor.DatabaseFailovers;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.fault.FisExperimentFaultInjection;
import io.codelibra.lifeline.failover.fault.FisFaultSettings;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.routing.ArcRoutingControlRouter;
import io.codelibra.lifeline.failover.routing.ArcRoutingSettings;
import io.codelibra.lifeline.failover.routing.Route53FailoverRouter;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.FailoverRecord;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.RecordTarget;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.RecordType;
import io.codelibra.lifeline.failover.routing.RoutingState;
import io.codelibra.lifeline.failover.routing.TrafficRouter;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;

class AwsExecutorConfigurationTest {

  private static final String PRIMARY_LB = "primary-lb-1234567890.us-east-1.elb.amazonaws.com";
  private static final String SECONDARY_LB = "secondary-lb-987654321.us-west-2.elb.amazonaws.com";
  private static final String HEALTH_CHECK = "abcdef11-2222-3333-4444-555555fedcba";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

  private static final String[] ROUTE53_ALIAS = {
      "lifeline.failover.routing.mode=route53",
      "lifeline.failover.aws.route53.hosted-zone-id=Z0LIFELINE0ZONE",
      "lifeline.failover.aws.route53.record-name=www.codelibra.com",
      "lifeline.failover.aws.route53.type=A",
      "lifeline.failover.aws.route53.change-timeout=2m",
      "lifeline.failover.aws.route53.change-poll-interval=5s",
      "lifeline.failover.aws.route53.primary.region=us-east-1",
      "lifeline.failover.aws.route53.primary.set-identifier=primary",
      "lifeline.failover.aws.route53.primary.health-check-id=" + HEALTH_CHECK,
      "lifeline.failover.aws.route53.primary.alias-hosted-zone-id=Z35SXDOTRQ7X7K",
      "lifeline.failover.aws.route53.primary.alias-dns-name=" + PRIMARY_LB,
      "lifeline.failover.aws.route53.secondary.set-identifier=secondary",
      "lifeline.failover.aws.route53.secondary.alias-hosted-zone-id=Z1H1FL5HABSF5",
      "lifeline.failover.aws.route53.secondary.alias-dns-name=" + SECONDARY_LB,
      "lifeline.failover.aws.route53.secondary.evaluate-target-health=false"};

  private static final String[] ARC = {
      "lifeline.failover.routing.mode=arc",
      "lifeline.failover.aws.arc.cluster-endpoints[0].endpoint=https://aaaa1111.route53-recovery-cluster.us-west-2.amazonaws.com/v1",
      "lifeline.failover.aws.arc.cluster-endpoints[0].region=us-west-2",
      "lifeline.failover.aws.arc.cluster-endpoints[1].endpoint=https://bbbb2222.route53-recovery-cluster.eu-west-1.amazonaws.com/v1",
      "lifeline.failover.aws.arc.cluster-endpoints[1].region=eu-west-1",
      // Secondary first on purpose: the router gets the pair's primary first whatever the configuration order.
      "lifeline.failover.aws.arc.routing-control-arns.us-west-2="
          + "arn:aws:route53-recovery-control::123456789012:controlpanel/cp1/routingcontrol/west",
      "lifeline.failover.aws.arc.routing-control-arns.us-east-1="
          + "arn:aws:route53-recovery-control::123456789012:controlpanel/cp1/routingcontrol/east"};

  private static final String[] AURORA = {
      "lifeline.failover.database.mode=aurora",
      "lifeline.failover.aws.aurora.global-cluster-identifier=lifeline-global",
      "lifeline.failover.aws.aurora.secondary-cluster-arn=arn:aws:rds:us-west-2:123456789012:cluster:lifeline-west",
      "lifeline.failover.aws.aurora.mode=unplanned-failover",
      "lifeline.failover.aws.aurora.max-wait=20m",
      "lifeline.failover.aws.aurora.poll-interval=10s"};

  private static final String[] FIS = {
      "lifeline.failover.fault-injection.mode=fis",
      "lifeline.failover.aws.fis.experiment-template-ids.us-east-1=EXT1a2b3c4d5e6f7",
      "lifeline.failover.aws.fis.max-wait=3m"};

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withBean(Clock.class, () -> CLOCK)
      .withBean(RegionPair.class, () -> new RegionPair("us-east-1", "us-west-2"))
      .withUserConfiguration(AwsExecutorConfiguration.class);

  private final List<Runnable> restoreSystemProperties = new ArrayList<>();

  @BeforeEach
  void fakeCredentialsForTheDefaultChain() {
    // System properties come first in the default chain, so no real account or AWS_* variable is ever used.
    setSystemProperty("aws.accessKeyId", "AKIDLIFELINETEST");
    setSystemProperty("aws.secretAccessKey", "lifeline-test-secret");
  }

  @AfterEach
  void restoreCredentials() {
    restoreSystemProperties.reversed().forEach(Runnable::run);
  }

  @Test
  void route53ModeBuildsTheFailoverRouterFromTheRecordSettingsWithAGlobalClient() {
    runner.withPropertyValues(ROUTE53_ALIAS).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(TrafficRouter.class)
          .doesNotHaveBean(DatabaseFailovers.class).doesNotHaveBean(FaultInjection.class);
      TrafficRouter router = context.getBean(TrafficRouter.class);
      assertThat(router).isInstanceOf(Route53FailoverRouter.class);
      assertThat(router).extracting("settings").isEqualTo(new Route53FailoverSettings("Z0LIFELINE0ZONE",
          "www.codelibra.com", RecordType.A,
          new FailoverRecord("us-east-1", "primary", HEALTH_CHECK,
              new RecordTarget.Alias("Z35SXDOTRQ7X7K", PRIMARY_LB, true)),
          new FailoverRecord("us-west-2", "secondary", null,
              new RecordTarget.Alias("Z1H1FL5HABSF5", SECONDARY_LB, false)),
          Duration.ofMinutes(2), Duration.ofSeconds(5)));
      Route53Client route53 = field(router, "route53", Route53Client.class);
      assertThat(route53.serviceClientConfiguration().region()).isEqualTo(Region.AWS_GLOBAL);
      assertThat(route53.serviceClientConfiguration().endpointOverride()).isEmpty();
    });
  }

  @Test
  void route53ModeTakesCnameTargetsWithTheirTtlAndTheAdaptersDefaultWaits() {
    runner.withPropertyValues("lifeline.failover.routing.mode=route53",
        "lifeline.failover.aws.route53.hosted-zone-id=Z0LIFELINE0ZONE",
        "lifeline.failover.aws.route53.record-name=www.codelibra.com",
        "lifeline.failover.aws.route53.type=cname",
        "lifeline.failover.aws.route53.primary.set-identifier=primary",
        "lifeline.failover.aws.route53.primary.cname=east.codelibra.com",
        "lifeline.failover.aws.route53.primary.ttl=30",
        "lifeline.failover.aws.route53.secondary.set-identifier=secondary",
        "lifeline.failover.aws.route53.secondary.cname=west.codelibra.com").run(context ->
        assertThat(context.getBean(TrafficRouter.class)).extracting("settings").isEqualTo(new Route53FailoverSettings(
            "Z0LIFELINE0ZONE", "www.codelibra.com", RecordType.CNAME,
            new FailoverRecord("us-east-1", "primary", null, new RecordTarget.Cname("east.codelibra.com", 30)),
            new FailoverRecord("us-west-2", "secondary", null, new RecordTarget.Cname("west.codelibra.com", 60)))));
  }

  @Test
  void route53RouterReadsThePrimaryRecordThroughTheEndpointOverrideWithTheDefaultCredentialsChain() throws Exception {
    try (RecordingHttpServer aws = RecordingHttpServer.start()) {
      aws.thenAnswer(200, recordSets("dualstack." + SECONDARY_LB + "."), Map.of("Content-Type", "text/xml"));
      runner.withPropertyValues(ROUTE53_ALIAS)
          .withPropertyValues("lifeline.failover.aws.endpoint-override=" + aws.url(""))
          .run(context -> {
            RoutingState state = context.getBean(TrafficRouter.class).current();

            assertThat(state.activeRegion()).isEqualTo("us-west-2");
            RecordingHttpServer.Received list = aws.take();
            assertThat(list.method()).isEqualTo("GET");
            assertThat(list.path()).isEqualTo("/2013-04-01/hostedzone/Z0LIFELINE0ZONE/rrset");
            // Signed with the default chain's credentials (here the system properties). With an endpoint override
            // the SDK signs for the client's region as given (aws-global); AWS's own endpoint signs for us-east-1.
            assertThat(list.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLIFELINETEST/")
                .contains("/aws-global/route53/aws4_request");
            assertThat(aws.requestCount()).isZero();
          });
    }
  }

  @Test
  void route53ModeWithoutTheHostedZoneFailsNamingTheProperty() {
    runner.withPropertyValues(ROUTE53_ALIAS).withPropertyValues("lifeline.failover.aws.route53.hosted-zone-id=")
        .run(context -> assertStartupFailure(context,
            "lifeline.failover.aws.route53.hosted-zone-id is required when lifeline.failover.routing.mode=route53"));
  }

  @Test
  void route53AliasRecordWithoutItsDnsNameFailsNamingTheProperty() {
    runner.withPropertyValues(ROUTE53_ALIAS).withPropertyValues("lifeline.failover.aws.route53.secondary.alias-dns-name=")
        .run(context -> assertStartupFailure(context, "lifeline.failover.aws.route53.secondary.alias-dns-name is "
            + "required when lifeline.failover.routing.mode=route53 and type A"));
  }

  @Test
  void route53RecordForARegionOutsideThePairFailsNamingTheProperty() {
    runner.withPropertyValues(ROUTE53_ALIAS).withPropertyValues("lifeline.failover.aws.route53.primary.region=eu-west-1")
        .run(context -> assertStartupFailure(context, "lifeline.failover.aws.route53.primary.region is eu-west-1"));
  }

  @Test
  void arcModeBuildsOneClientPerClusterEndpointInItsRegionAndThePairsRoutingControls() {
    runner.withPropertyValues(ARC).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(TrafficRouter.class);
      TrafficRouter router = context.getBean(TrafficRouter.class);
      assertThat(router).isInstanceOf(ArcRoutingControlRouter.class);
      ArcRoutingSettings settings = field(router, "settings", ArcRoutingSettings.class);
      assertThat(settings.routingControlArnByRegion()).containsExactly(
          Map.entry("us-east-1", "arn:aws:route53-recovery-control::123456789012:controlpanel/cp1/routingcontrol/east"),
          Map.entry("us-west-2", "arn:aws:route53-recovery-control::123456789012:controlpanel/cp1/routingcontrol/west"));
      List<?> endpoints = field(router, "clusterEndpoints", List.class);
      assertThat(endpoints).hasSize(2).allSatisfy(c -> assertThat(c).isInstanceOf(Route53RecoveryClusterClient.class));
      assertClient((Route53RecoveryClusterClient) endpoints.get(0), "us-west-2",
          "https://aaaa1111.route53-recovery-cluster.us-west-2.amazonaws.com/v1");
      assertClient((Route53RecoveryClusterClient) endpoints.get(1), "eu-west-1",
          "https://bbbb2222.route53-recovery-cluster.eu-west-1.amazonaws.com/v1");
    });
  }

  @Test
  void arcModeWithoutTheSecondarysRoutingControlFailsNamingTheProperty() {
    runner.withPropertyValues("lifeline.failover.routing.mode=arc",
            "lifeline.failover.aws.arc.cluster-endpoints[0].endpoint=https://aaaa1111.example/v1",
            "lifeline.failover.aws.arc.cluster-endpoints[0].region=us-west-2",
            "lifeline.failover.aws.arc.routing-control-arns.us-east-1=arn:east")
        .run(context -> assertStartupFailure(context,
            "lifeline.failover.aws.arc.routing-control-arns.us-west-2 is required when lifeline.failover.routing.mode=arc"));
  }

  @Test
  void arcModeWithoutClusterEndpointsFailsNamingTheProperty() {
    runner.withPropertyValues("lifeline.failover.routing.mode=arc",
            "lifeline.failover.aws.arc.routing-control-arns.us-east-1=arn:east",
            "lifeline.failover.aws.arc.routing-control-arns.us-west-2=arn:west")
        .run(context -> assertStartupFailure(context,
            "lifeline.failover.aws.arc.cluster-endpoints is required when lifeline.failover.routing.mode=arc"));
  }

  @Test
  void rdsModePromotesTheReplicaInTheSecondaryRegionAndLeavesFailbackToTheRunbook() {
    runner.withPropertyValues("lifeline.failover.database.mode=rds",
        "lifeline.failover.aws.endpoint-override=http://127.0.0.1:4566",
        "lifeline.failover.aws.rds.replica-instance-id=lifeline-west-replica",
        "lifeline.failover.aws.rds.max-wait=45m",
        "lifeline.failover.aws.rds.backup-retention-period=7").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(TrafficRouter.class);
      DatabaseFailovers databases = context.getBean(DatabaseFailovers.class);
      assertThat(databases.failover()).isInstanceOf(RdsReplicaPromotion.class)
          .extracting("settings")
          .isEqualTo(new RdsPromotionSettings("lifeline-west-replica", Duration.ofMinutes(45), null, 7));
      assertClient(field(databases.failover(), "rds", RdsClient.class), "us-west-2", "http://127.0.0.1:4566");
      assertThat(databases.failback()).isNull();
      assertThat(databases.readiness()).isEmpty();
    });
  }

  @Test
  void rdsModeChecksTheNamedDynamoDbGlobalTablesInTheSecondaryRegion() {
    runner.withPropertyValues("lifeline.failover.database.mode=RDS",
        "lifeline.failover.aws.rds.replica-instance-id=lifeline-west-replica",
        "lifeline.failover.aws.dynamodb.table-names=orders,customers").run(context -> {
      DatabaseFailovers databases = context.getBean(DatabaseFailovers.class);
      assertThat(databases.readiness()).singleElement().isInstanceOf(DynamoDbGlobalTableCheck.class)
          .extracting("settings")
          .isEqualTo(new DynamoDbGlobalTableSettings(List.of("orders", "customers"), "us-west-2"));
      assertClient(field(databases.readiness().getFirst(), "dynamoDb", DynamoDbClient.class), "us-west-2", null);
    });
  }

  @Test
  void rdsModeWithoutTheReplicaFailsNamingTheProperty() {
    runner.withPropertyValues("lifeline.failover.database.mode=rds").run(context -> assertStartupFailure(context,
        "lifeline.failover.aws.rds.replica-instance-id is required when lifeline.failover.database.mode=rds"));
  }

  @Test
  void auroraModeFailsTheGlobalClusterOverToTheSecondaryClusterWithNoFailbackUnlessThePrimaryClusterIsNamed() {
    runner.withPropertyValues(AURORA).run(context -> {
      DatabaseFailovers databases = context.getBean(DatabaseFailovers.class);
      assertThat(databases.failover()).isInstanceOf(AuroraGlobalClusterFailover.class)
          .extracting("settings")
          .isEqualTo(new AuroraGlobalClusterSettings("lifeline-global",
              "arn:aws:rds:us-west-2:123456789012:cluster:lifeline-west",
              AuroraGlobalClusterSettings.Mode.UNPLANNED_FAILOVER, Duration.ofMinutes(20), Duration.ofSeconds(10)));
      assertClient(field(databases.failover(), "rds", RdsClient.class), "us-west-2", null);
      assertThat(databases.failback()).isNull();
      assertThat(databases.readiness()).isEmpty();
    });
  }

  @Test
  void auroraModeFailsBackByAPlannedSwitchoverToThePrimaryClusterFromThePrimaryRegion() {
    runner.withPropertyValues(AURORA).withPropertyValues(
        "lifeline.failover.aws.aurora.primary-cluster-arn=arn:aws:rds:us-east-1:123456789012:cluster:lifeline-east")
        .run(context -> {
          DatabaseFailovers databases = context.getBean(DatabaseFailovers.class);
          assertThat(databases.failback()).isInstanceOf(AuroraGlobalClusterFailover.class)
              .extracting("settings")
              .isEqualTo(new AuroraGlobalClusterSettings("lifeline-global",
                  "arn:aws:rds:us-east-1:123456789012:cluster:lifeline-east",
                  AuroraGlobalClusterSettings.Mode.PLANNED_SWITCHOVER, Duration.ofMinutes(20), Duration.ofSeconds(10)));
          assertClient(field(databases.failback(), "rds", RdsClient.class), "us-east-1", null);
        });
  }

  @Test
  void auroraModeWithoutAChosenModeFailsNamingTheProperty() {
    runner.withPropertyValues(AURORA).withPropertyValues("lifeline.failover.aws.aurora.mode=")
        .run(context -> assertStartupFailure(context,
            "lifeline.failover.aws.aurora.mode is required when lifeline.failover.database.mode=aurora"));
  }

  @Test
  void dynamoDbTablesAloneGiveReadinessChecksWithNothingToPromote() {
    runner.withPropertyValues("lifeline.failover.aws.dynamodb.table-names[0]=orders",
        "lifeline.failover.aws.dynamodb.region=eu-west-1").run(context -> {
      DatabaseFailovers databases = context.getBean(DatabaseFailovers.class);
      assertThat(databases.failover()).isNull();
      assertThat(databases.failback()).isNull();
      assertThat(databases.readiness()).singleElement().extracting("settings")
          .isEqualTo(new DynamoDbGlobalTableSettings(List.of("orders"), "eu-west-1"));
    });
  }

  @Test
  void fisModeStartsExperimentsWithAClientInEachRegionOfThePair() {
    runner.withPropertyValues(FIS).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(TrafficRouter.class).doesNotHaveBean(DatabaseFailovers.class);
      FaultInjection faults = context.getBean(FaultInjection.class);
      assertThat(faults).isInstanceOf(FisExperimentFaultInjection.class).extracting("settings")
          .isEqualTo(new FisFaultSettings(Map.of("us-east-1", "EXT1a2b3c4d5e6f7"), Duration.ofMinutes(3), null));
      @SuppressWarnings("unchecked")
      Map<String, ?> clients = (Map<String, ?>) field(faults, "fisByRegion", Map.class);
      assertThat(clients).containsOnlyKeys("us-east-1", "us-west-2");
      assertClient((FisClient) clients.get("us-east-1"), "us-east-1", null);
      assertClient((FisClient) clients.get("us-west-2"), "us-west-2", null);
    });
  }

  @Test
  void fisModeWithoutTemplatesFailsNamingTheProperty() {
    runner.withPropertyValues("lifeline.failover.fault-injection.mode=fis").run(context -> assertStartupFailure(context,
        "lifeline.failover.aws.fis.experiment-template-ids is required when lifeline.failover.fault-injection.mode=fis"));
  }

  @Test
  void fisTemplateForARegionOutsideThePairFailsNamingTheProperty() {
    runner.withPropertyValues(FIS)
        .withPropertyValues("lifeline.failover.aws.fis.experiment-template-ids.eu-west-1=EXT9")
        .run(context -> assertStartupFailure(context,
            "lifeline.failover.aws.fis.experiment-template-ids.eu-west-1: eu-west-1 is not in the pair"));
  }

  @Test
  void localAndUnsetModesGetNoAwsAdapterAndBuildNoClient() {
    runner.withPropertyValues("lifeline.failover.routing.mode=local", "lifeline.failover.database.mode=local",
        "lifeline.failover.fault-injection.mode=local").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(TrafficRouter.class)
          .doesNotHaveBean(DatabaseFailovers.class).doesNotHaveBean(FaultInjection.class);
      assertThat(context.getBean(AwsClients.class)).extracting("built", InstanceOfAssertFactories.LIST).isEmpty();
    });
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TrafficRouter.class)
        .doesNotHaveBean(DatabaseFailovers.class).doesNotHaveBean(FaultInjection.class));
  }

  @Test
  void closesTheClientsWhenTheContextCloses() {
    AwsClients[] clients = new AwsClients[1];
    runner.withPropertyValues(ROUTE53_ALIAS).run(context -> {
      clients[0] = context.getBean(AwsClients.class);
      assertThat(clients[0]).extracting("built", InstanceOfAssertFactories.LIST).hasSize(1);
    });
    assertThat(clients[0]).extracting("built", InstanceOfAssertFactories.LIST).isEmpty();
    assertThatThrownBy(() -> clients[0].build(Route53Client.builder(), Region.AWS_GLOBAL))
        .isInstanceOf(IllegalStateException.class).hasMessage("the AWS clients are closed");
  }

  private static void assertStartupFailure(AssertableApplicationContext context, String message) {
    assertThat(context).hasFailed();
    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  private static void assertClient(AwsClient client, String region, String endpoint) {
    assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.of(region));
    assertThat(client.serviceClientConfiguration().endpointOverride())
        .isEqualTo(Optional.ofNullable(endpoint).map(URI::create));
  }

  /** An adapter's private collaborator, to check what the configuration gave it without widening its API. */
  private static <T> T field(Object owner, String name, Class<T> type) {
    try {
      var field = owner.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return type.cast(field.get(owner));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private void setSystemProperty(String name, String value) {
    String previous = System.getProperty(name);
    System.setProperty(name, value);
    restoreSystemProperties.add(() -> {
      if (previous == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, previous);
      }
    });
  }

  private static String recordSets(String primaryDnsName) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
          <ResourceRecordSets>
            <ResourceRecordSet>
              <Name>www.codelibra.com.</Name><Type>A</Type><SetIdentifier>primary</SetIdentifier><Failover>PRIMARY</Failover>
              <AliasTarget><HostedZoneId>Z1H1FL5HABSF5</HostedZoneId><DNSName>%s</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>
              <HealthCheckId>%s</HealthCheckId>
            </ResourceRecordSet>
          </ResourceRecordSets>
          <IsTruncated>false</IsTruncated>
          <MaxItems>100</MaxItems>
        </ListResourceRecordSetsResponse>""".formatted(primaryDnsName, HEALTH_CHECK);
  }
}
