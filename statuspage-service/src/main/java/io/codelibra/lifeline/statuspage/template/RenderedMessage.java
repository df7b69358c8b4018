package io.codelibra.lifeline.statuspage.template;

/** A template rendered for one update: the incident title and the update text, plain text. */
public record RenderedMessage(String templateId, String title, String body) {
}
