package io.codelibra.lifeline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void readsTheBigEndianSchemaIdAfterTheMagicByte() {
    assertThat(WireFormat.schemaIdOf(new byte[] {0, 0, 0, 1, 2, 42})).isEqualTo(258);
  }

  @Test
  void refusesAnotherMagicByteOrAShortPayloadWithAClearReason() {
    assertThatThrownBy(() -> WireFormat.schemaIdOf("{\"json\":1}".getBytes()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte is 123");
    assertThatThrownBy(() -> WireFormat.schemaIdOf(new byte[] {0, 1}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than the 5-byte header");
  }
}
