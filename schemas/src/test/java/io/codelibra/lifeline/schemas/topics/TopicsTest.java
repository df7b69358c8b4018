package io.codelibra.lifeline.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyEventTypeOfTheDesignHasATopicAndNamesAreUnique() {
    assertThat(Topics.eventTypes()).hasSize(27);
    assertThat(new HashSet<>(Topics.ALL.stream().map(TopicDefinition::name).toList())).hasSize(Topics.ALL.size());
  }

  @Test
  void compactedTopicsKeepRecordsForeverAndOthersHaveARetention() {
    assertThat(Topics.STATUS_COMPONENTS.brokerConfig())
        .containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
    assertThat(Topics.ALERTS.brokerConfig()).containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
  }

  @Test
  void everyRecordTheInboundTopicAcceptsFitsInItsDeadLetterTopic() {
    int inbound = Integer.parseInt(Topics.ALERTS_INBOUND.brokerConfig().get("max.message.bytes"));
    int deadLetters = Integer.parseInt(Topics.ALERTS_INBOUND_DLQ.brokerConfig().get("max.message.bytes"));

    assertThat(deadLetters - inbound).isGreaterThanOrEqualTo(16 * 1024);
    assertThat(Topics.ALERTS_INBOUND_DLQ.brokerConfig()).containsEntry("cleanup.policy", "delete");
  }

  @Test
  void becomesTheAdminClientsNewTopicWithItsPartitionsAndSettings() {
    var newTopic = Topics.ALERTS_INBOUND_DLQ.toNewTopic((short) 3);

    assertThat(newTopic.name()).isEqualTo("alerts.inbound.dlq");
    assertThat(newTopic.numPartitions()).isEqualTo(1);
    assertThat(newTopic.replicationFactor()).isEqualTo((short) 3);
    assertThat(newTopic.configs()).isEqualTo(Topics.ALERTS_INBOUND_DLQ.brokerConfig());
  }
}
