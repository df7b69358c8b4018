package io.codelibra.lifeline.schemas.registry;

import org.apache.avro.Schema;

/** A schema as the registry knows it under one subject: its global id and its version there. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
