package io.codelibra.lifeline.registry.state;

import java.util.List;

/** What registering a schema under a subject comes to, decided on the local state before anything is written. */
public sealed interface RegistrationPlan {

  /** The schema is already a live version of the subject: answer its id, write nothing. */
  record Existing(SchemaEntry entry) implements RegistrationPlan {
  }

  /** The schema breaks the subject's compatibility level: answer 409 with these details. */
  record Incompatible(List<String> messages) implements RegistrationPlan {
  }

  /** Propose this new version (next version number; the schema's existing id, or the next id) to the log. */
  record NewVersion(SchemaEntry entry) implements RegistrationPlan {
  }
}
