package io.codelibra.lifeline.escalation.contact;

import java.util.List;
import java.util.Optional;

/** A person who can be paged: {@code users[]} of the contact file. {@code name} is null when the file gives none. */
public record User(String id, String name, List<ContactMethod> contactMethods,
    List<NotificationRule> notificationRules) {

  public User {
    contactMethods = List.copyOf(contactMethods);
    notificationRules = List.copyOf(notificationRules);
  }

  public Optional<ContactMethod> contactMethod(String methodId) {
    return contactMethods.stream().filter(method -> method.id().equals(methodId)).findFirst();
  }
}
