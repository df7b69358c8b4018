package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.escalation.policy.PolicyTarget;

/** A user paged at an escalation level, and the policy target that named them (a user or a schedule). */
record PagedUser(String userId, PolicyTarget via) {
}
