package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.escalation.policy.PolicyTarget;
import io.codelibra.lifeline.escalation.schedule.OnCallLookup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns policy targets into the users to page at an instant: users as named, schedules to whoever is on call. */
final class TargetResolver {

  private final OnCallLookup schedules;

  TargetResolver(OnCallLookup schedules) {
    this.schedules = schedules;
  }

  /** Each user once, in target order, with the first target that named them. */
  List<PagedUser> resolve(List<PolicyTarget> targets, Instant at) {
    Set<String> seen = new LinkedHashSet<>();
    List<PagedUser> users = new ArrayList<>();
    for (PolicyTarget target : targets) {
      List<String> ids = switch (target.type()) {
        case user_reference -> List.of(target.id());
        case schedule_reference -> schedules.onCall(target.id(), at);
      };
      for (String id : ids) {
        if (seen.add(id)) {
          users.add(new PagedUser(id, target));
        }
      }
    }
    return users;
  }
}
