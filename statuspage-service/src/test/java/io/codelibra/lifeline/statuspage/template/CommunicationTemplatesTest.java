package io.codelibra.lifeline.statuspage.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.StatusIncidentImpact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommunicationTemplatesTest {

  private static final CommunicationTemplate REGION_OUTAGE = new CommunicationTemplate("region-outage", "Region outage",
      StatusIncidentImpact.critical, "Outage in {{region}}", Map.of(
          "investigating", "  {{components}} are unavailable in {{region}} since {{start_time}}. Next update by {{next_update_time}}.\n",
          "monitoring", "Traffic is now served from {{secondary_region}}.{{#reason}} Cause: {{reason}}.{{/reason}}",
          "resolved", "{{region}} has recovered."));
  private static final CommunicationTemplate DEGRADATION = new CommunicationTemplate("degradation", "Degradation",
      StatusIncidentImpact.minor, "{{component}} degraded", Map.of("investigating", "{{component}} is slow."));

  private final CommunicationTemplates templates = new CommunicationTemplates(List.of(REGION_OUTAGE, DEGRADATION));

  private static final Map<String, Object> VARIABLES = Map.of(
      "region", "us-east-1", "secondary_region", "us-west-2", "components", "API, Web app", "component", "API",
      "start_time", "2024-03-04 09:00 UTC", "next_update_time", "2024-03-04 09:30 UTC");

  @Test
  void rendersTheTitleAndTheBodyOfTheStatusWithoutSurroundingWhitespace() {
    RenderedMessage message = templates.render("region-outage", "investigating", VARIABLES);

    assertThat(message).isEqualTo(new RenderedMessage("region-outage", "Outage in us-east-1",
        "API, Web app are unavailable in us-east-1 since 2024-03-04 09:00 UTC. Next update by 2024-03-04 09:30 UTC."));
  }

  @Test
  void aVariableTheTemplateUsesButTheCallerDoesNotGiveIsAnError() {
    Map<String, Object> withoutRegion = Map.of("components", "API", "start_time", "t", "next_update_time", "t");

    assertThatThrownBy(() -> templates.render("region-outage", "investigating", withoutRegion))
        .isInstanceOf(TemplateException.class).hasMessageContaining("region-outage").hasMessageContaining("region");
  }

  @Test
  void anOptionalSectionIsLeftOutWhenItsVariableIsMissing() {
    assertThat(templates.render("region-outage", "monitoring", VARIABLES).body())
        .isEqualTo("Traffic is now served from us-west-2.");
    assertThat(templates.render("region-outage", "monitoring", Map.of("region", "us-east-1", "secondary_region", "us-west-2",
        "reason", "HTTP 503")).body()).isEqualTo("Traffic is now served from us-west-2. Cause: HTTP 503.");
  }

  @Test
  void outputIsPlainTextWithoutHtmlEscaping() {
    RenderedMessage message = templates.render("degradation", "investigating", Map.of("component", "<b>Search & \"Browse\"</b>"));

    assertThat(message.title()).isEqualTo("<b>Search & \"Browse\"</b> degraded");
    assertThat(message.body()).isEqualTo("<b>Search & \"Browse\"</b> is slow.");
  }

  @Test
  void anUnknownTemplateIsAnError() {
    assertThatThrownBy(() -> templates.render("no-such-template", "investigating", VARIABLES))
        .isInstanceOf(TemplateException.class).hasMessage("no template 'no-such-template'");
  }

  @Test
  void aStatusTheTemplateHasNoTextForIsAnError() {
    assertThatThrownBy(() -> templates.render("degradation", "resolved", VARIABLES))
        .isInstanceOf(TemplateException.class).hasMessage("template 'degradation' has no text for status 'resolved'");
  }

  @Test
  void tellsWhichStatusesATemplateHasTextFor() {
    assertThat(templates.hasBody("region-outage", "monitoring")).isTrue();
    assertThat(templates.hasBody("region-outage", "identified")).isFalse();
    assertThat(templates.hasBody("degradation", "resolved")).isFalse();
    assertThat(templates.hasBody("no-such-template", "investigating")).isFalse();
  }

  @Test
  void findsTemplatesByIdAndListsThemInConfigurationOrder() {
    assertThat(templates.find("degradation")).contains(DEGRADATION);
    assertThat(templates.find("nope")).isEmpty();
    assertThat(templates.all()).containsExactly(REGION_OUTAGE, DEGRADATION);
  }

  @Test
  void anEmptyTextIsRefusedWhenTheTemplatesAreLoaded() {
    CommunicationTemplate blankBody = new CommunicationTemplate("blank", "Blank", StatusIncidentImpact.minor, "Title",
        Map.of("investigating", "  "));
    CommunicationTemplate noTitle = new CommunicationTemplate("untitled", "Untitled", StatusIncidentImpact.minor, "",
        Map.of("investigating", "text"));

    assertThatThrownBy(() -> new CommunicationTemplates(List.of(blankBody)))
        .isInstanceOf(TemplateException.class).hasMessage("template 'blank': investigating is empty");
    assertThatThrownBy(() -> new CommunicationTemplates(List.of(noTitle)))
        .isInstanceOf(TemplateException.class).hasMessage("template 'untitled': title is empty");
  }

  @Test
  void aTemplateThatDoesNotParseIsRefusedWhenTheTemplatesAreLoaded() {
    CommunicationTemplate unclosed = new CommunicationTemplate("unclosed", "Unclosed", StatusIncidentImpact.minor, "Title",
        Map.of("investigating", "{{#reason}}never closed"));

    assertThatThrownBy(() -> new CommunicationTemplates(List.of(unclosed)))
        .isInstanceOf(TemplateException.class).hasMessageStartingWith("template 'unclosed': investigating: ");
  }
}
