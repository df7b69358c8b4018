package io.codelibra.lifeline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.IncidentOpened;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class SubjectNamingTest {

  @Test
  void sharedTopicsUseTopicAndRecordNameSingleTypeTopicsTheTopicName() {
    var incidentOpened = SpecificData.get().getSchema(IncidentOpened.class);
    var componentChanged = SpecificData.get().getSchema(ComponentStatusChanged.class);

    assertThat(SubjectNaming.BY_TOPIC_DEFINITION.subject("incidents", incidentOpened, false))
        .isEqualTo("incidents-io.codelibra.lifeline.events.IncidentOpened");
    assertThat(SubjectNaming.BY_TOPIC_DEFINITION.subject("status.components", componentChanged, false))
        .isEqualTo("status.components-value");
    assertThat(SubjectNaming.BY_TOPIC_DEFINITION.subject("some.other.topic", incidentOpened, false))
        .isEqualTo("some.other.topic-value");
  }

  @Test
  void acceptsConfluentStrategyClassNames() {
    assertThat(SubjectNaming.parse("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
        .isEqualTo(SubjectNaming.TOPIC_RECORD_NAME);
    assertThat(SubjectNaming.parse("io.confluent.kafka.serializers.subject.TopicNameStrategy"))
        .isEqualTo(SubjectNaming.TOPIC_NAME);
    assertThat(SubjectNaming.parse(null)).isEqualTo(SubjectNaming.BY_TOPIC_DEFINITION);
  }
}
