package io.codelibra.lifeline.runtime.http;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import java.util.Optional;

/**
 * The person a write request names in its {@code From} header (RFC 9110: who is behind the request, e.g. an e-mail
 * address), as the {@link Actor} its events record; empty when the header is missing or blank, so each API refuses
 * with its own problem.
 */
public final class FromHeader {

  private FromHeader() {
  }

  public static Optional<Actor> person(String from) {
    return from == null || from.isBlank() ? Optional.empty() : Optional.of(new Actor(ActorType.user, from.strip(), null));
  }
}
