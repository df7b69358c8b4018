package io.codelibra.lifeline.escalation.notify;

import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackSenderTest {

  private RecordingHttpServer slack;
  private JsonPoster http;
  private SlackSender sender;

  @BeforeEach
  void start() throws Exception {
    slack = RecordingHttpServer.start();
    http = new JsonPoster(Duration.ofSeconds(1), Duration.ofSeconds(2));
    sender = new SlackSender(http, new HttpEndpoints(Map.of("incidents", slack.url("/services/T000/B000/XXXX"))));
  }

  @AfterEach
  void stop() {
    slack.close();
    http.close();
  }

  private JsonNode post(NotificationRequested request) throws Exception {
    assertThat(sender.send(request)).isEqualTo(new Delivery.Accepted(200, null));
    RecordingHttpServer.Received received = slack.take();
    assertThat(received.path()).isEqualTo("/services/T000/B000/XXXX");
    return JsonMapper.builder().build().readTree(received.body());
  }

  private static List<String> types(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("type").asText()).toList();
  }

  @Test
  void postsABlockKitMessageWithSummarySeverityContextAndButtons() throws Exception {
    JsonNode message = post(request(NotificationChannel.slack, "incidents").build());

    assertThat(message.get("text").asText()).isEqualTo("[SEV1] checkout: 5xx rate above 5%");
    JsonNode blocks = message.get("blocks");
    assertThat(types(blocks)).containsExactly("header", "section", "context", "actions");
    assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("[SEV1] checkout: 5xx rate above 5%");
    JsonNode section = blocks.get(1);
    assertThat(section.get("text").get("type").asText()).isEqualTo("mrkdwn");
    assertThat(section.get("text").get("text").asText())
        .startsWith("*Incident opened*\nIncident inc-42 on checkout (SEV1, high urgency)");
    assertThat(section.get("fields").get(0).get("text").asText()).isEqualTo("*Severity*\nSEV1");
    assertThat(section.get("fields").get(1).get("text").asText()).isEqualTo("*Urgency*\nhigh");
    assertThat(section.get("fields").get(2).get("text").asText()).isEqualTo("*Escalation level*\n1");
    assertThat(blocks.get(2).get("elements").get(0).get("text").asText()).isEqualTo(
        "Incident inc-42 · <https://lifeline.example.com/api/v1/incidents/inc-42|open in Lifeline> · notification ntf-1");
    JsonNode buttons = blocks.get(3).get("elements");
    assertThat(types(buttons)).containsExactly("button", "button");
    assertThat(buttons.get(0).get("text").get("text").asText()).isEqualTo("Acknowledge");
    assertThat(buttons.get(0).get("url").asText())
        .isEqualTo("https://lifeline.example.com/api/v1/incidents/inc-42/acknowledge");
    assertThat(buttons.get(0).get("style").asText()).isEqualTo("primary");
    assertThat(buttons.get(1).get("text").get("text").asText()).isEqualTo("Open incident");
    assertThat(buttons.get(1).get("url").asText()).isEqualTo("https://lifeline.example.com/api/v1/incidents/inc-42");
  }

  @Test
  void userTextCannotMentionTheChannelOrFormLinks() throws Exception {
    JsonNode message = post(request(NotificationChannel.slack, "incidents")
        .setSubject("<!channel> DB & cache down")
        .setBody("see <https://evil.example|the fix> & <@U123>")
        .build());

    assertThat(message.get("text").asText()).isEqualTo("&lt;!channel&gt; DB &amp; cache down");
    assertThat(message.get("blocks").get(1).get("text").get("text").asText())
        .endsWith("see &lt;https://evil.example|the fix&gt; &amp; &lt;@U123&gt;")
        .doesNotContain("<!channel>", "<@U123>");
  }

  @Test
  void offersNoAcknowledgeButtonOnceTheIncidentIsResolved() throws Exception {
    JsonNode message = post(request(NotificationChannel.slack, "incidents")
        .setKind(NotificationKind.incident_resolved).build());

    JsonNode buttons = message.get("blocks").get(3).get("elements");
    assertThat(buttons).hasSize(1);
    assertThat(buttons.get(0).get("text").get("text").asText()).isEqualTo("Open incident");
  }

  @Test
  void hasNoActionsBlockWithoutLinks() throws Exception {
    JsonNode message = post(request(NotificationChannel.slack, "incidents")
        .setIncidentUrl(null).setAcknowledgeUrl(null).setBody(null).build());

    assertThat(types(message.get("blocks"))).containsExactly("header", "section", "context");
    assertThat(message.get("blocks").get(1).get("text").get("text").asText())
        .isEqualTo("*Incident opened*\nIncident inc-42 (SEV1, high urgency).");
  }

  @Test
  void keepsALongHeaderWithinSlacksLimit() throws Exception {
    JsonNode message = post(request(NotificationChannel.slack, "incidents").setSubject("x".repeat(400)).build());

    assertThat(message.get("blocks").get(0).get("text").get("text").asText()).hasSize(150).endsWith("…");
  }

  @Test
  void aRemovedWebhookIsARejection() {
    slack.thenAnswer(404, "no_service");

    assertThat(sender.send(request(NotificationChannel.slack, "incidents").build()))
        .isEqualTo(new Delivery.Failed(404, "HTTP 404: no_service", false));
  }
}
