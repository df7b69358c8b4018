package io.codelibra.lifeline.escalation.contact;

/** One way to reach a user: {@code contact_methods[]} of the contact file, address already validated. */
public record ContactMethod(String id, ContactMethodType type, String address) {
}
