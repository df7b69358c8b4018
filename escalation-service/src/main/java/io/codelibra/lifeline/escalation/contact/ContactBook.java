package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.events.Urgency;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The users of the contact files, answering who is notified how when a user is paged. */
public final class ContactBook implements ContactDirectory {

  private final Map<String, User> users = new LinkedHashMap<>();
  private final List<String> warnings;

  /**
   * @param warnings things that load but will not work as the author may expect, as {@code file:line: reason}
   */
  public ContactBook(List<User> users, List<String> warnings) {
    users.forEach(user -> {
      if (this.users.putIfAbsent(user.id(), user) != null) {
        throw new IllegalArgumentException("duplicate user id " + user.id());
      }
    });
    this.warnings = List.copyOf(warnings);
  }

  @Override
  public List<ContactPlan> contactPlan(String userId, Urgency urgency) {
    User user = users.get(userId);
    if (user == null) {
      return List.of();
    }
    return user.notificationRules().stream()
        .filter(rule -> rule.appliesTo(urgency))
        .map(rule -> plan(user, rule))
        .distinct()
        // A stable sort: rules with the same delay keep the order of the file.
        .sorted(Comparator.comparing(ContactPlan::delay))
        .toList();
  }

  public Optional<String> displayName(String userId) {
    return user(userId).map(User::name);
  }

  public Optional<User> user(String userId) {
    return Optional.ofNullable(users.get(userId));
  }

  public Collection<User> users() {
    return List.copyOf(users.values());
  }

  /** What loads but will not work as its author may expect, such as a channel nothing delivers yet. */
  public List<String> warnings() {
    return warnings;
  }

  private static ContactPlan plan(User user, NotificationRule rule) {
    // The reader only builds rules whose method exists.
    ContactMethod method = user.contactMethod(rule.contactMethodId()).orElseThrow();
    return new ContactPlan(method.id(), method.type().channel(), method.address(), rule.startDelay());
  }
}
