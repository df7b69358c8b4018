package io.codelibra.lifeline.escalation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  void escapesTheThreeControlCharactersOfMrkdwn() {
    assertThat(SlackText.escape("<!channel> deploy & roll back <https://evil.example|click>"))
        .isEqualTo("&lt;!channel&gt; deploy &amp; roll back &lt;https://evil.example|click&gt;");
  }

  @Test
  void cutsAfterEscapingWithoutSplittingAnEntity() {
    String cut = SlackText.truncate("a&b", 4);

    assertThat(cut).isEqualTo("a…");
    assertThat(SlackText.truncate("abcd", 4)).isEqualTo("abcd");
    assertThat(SlackText.truncate("abcde", 4)).isEqualTo("abc…");
  }

  @Test
  void aLinkCannotBeEndedEarlyByItsUrl() {
    assertThat(SlackText.link("https://x.example/a|b?c=1&d=<2>", "open & go"))
        .isEqualTo("<https://x.example/a%7Cb?c=1&amp;d=&lt;2&gt;|open &amp; go>");
  }
}
