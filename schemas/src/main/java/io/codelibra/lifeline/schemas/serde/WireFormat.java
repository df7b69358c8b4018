package io.codelibra.lifeline.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent Schema Registry wire format: magic byte 0, 4-byte big-endian schema id, Avro binary. */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private WireFormat() {
  }

  /** The schema id a framed payload was written with. */
  public static int schemaIdOf(byte[] framed) {
    if (framed == null || framed.length < HEADER_LENGTH) {
      throw new SerializationException("not in the schema registry wire format: "
          + (framed == null ? "null" : framed.length + " bytes") + " is shorter than the 5-byte header");
    }
    if (framed[0] != MAGIC_BYTE) {
      throw new SerializationException("not in the schema registry wire format: magic byte is "
          + framed[0] + ", expected " + MAGIC_BYTE);
    }
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }

}
