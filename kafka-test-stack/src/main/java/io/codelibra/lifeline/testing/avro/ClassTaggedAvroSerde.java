package io.codelibra.lifeline.testing.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Topology tests only: Avro binary prefixed with the record's class name, so the topology can be
 * driven without a schema registry (the registry wire format is covered by the schemas module and
 * the end-to-end tests).
 */
public final class ClassTaggedAvroSerde implements Serde<SpecificRecord> {

  @Override
  public Serializer<SpecificRecord> serializer() {
    return (topic, record) -> {
      if (record == null) {
        return null;
      }
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] name = record.getClass().getName().getBytes(StandardCharsets.UTF_8);
        out.write(ByteBuffer.allocate(4).putInt(name.length).array());
        out.write(name);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForClass(record.getClass()))
            .write(record, encoder);
        encoder.flush();
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Override
  public Deserializer<SpecificRecord> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int length = buffer.getInt();
        String className = new String(bytes, 4, length, StandardCharsets.UTF_8);
        Class<?> type = Class.forName(className);
        SpecificData data = SpecificData.getForClass(type);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 4 + length, bytes.length - 4 - length, null);
        return new SpecificDatumReader<SpecificRecord>(data.getSchema(type), data.getSchema(type), data).read(null, decoder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
