package io.codelibra.lifeline.ingest.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRoutesTest {

  private static ServiceRoutes.Route route(String service, String... matchers) {
    return new ServiceRoutes.Route(List.of(matchers).stream().map(LabelMatcher::parse).toList(), service);
  }

  private final ServiceRoutes routes = new ServiceRoutes(List.of(
      route("payments", "team=\"payments\"", "env=~\"prod|production\""),
      route("checkout", "service=~\"checkout-.*\""),
      route("platform", "team!=\"\"")), "catch-all");

  @Test
  void theFirstRouteWhoseMatchersAllMatchWins() {
    assertThat(routes.serviceFor(Map.of("team", "payments", "env", "prod"))).contains("payments");
    assertThat(routes.serviceFor(Map.of("team", "payments", "env", "staging"))).contains("platform");
    assertThat(routes.serviceFor(Map.of("service", "checkout-api", "team", "web"))).contains("checkout");
  }

  @Test
  void regexesAreAnchoredLikeAlertmanagers() {
    assertThat(routes.serviceFor(Map.of("service", "old-checkout-api"))).contains("catch-all");
    assertThat(routes.serviceFor(Map.of("team", "payments", "env", "production-eu"))).contains("platform");
  }

  @Test
  void aMissingLabelMatchesAsEmptyAndTheDefaultRouteTakesTheRest() {
    assertThat(routes.serviceFor(Map.of())).contains("catch-all");
    assertThat(new ServiceRoutes(List.of(), null).serviceFor(Map.of("a", "b"))).isEmpty();
  }

  @Test
  void parsesAllFourOperatorsWithAndWithoutQuotes() {
    assertThat(LabelMatcher.parse("a=b").matches(Map.of("a", "b"))).isTrue();
    assertThat(LabelMatcher.parse("a != \"b\"").matches(Map.of("a", "b"))).isFalse();
    assertThat(LabelMatcher.parse("a=~\"b.+\"").matches(Map.of("a", "bc"))).isTrue();
    assertThat(LabelMatcher.parse("a!~b.+").matches(Map.of("a", "bc"))).isFalse();
    assertThat(LabelMatcher.parse("msg=\"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
  }

  @Test
  void refusesMalformedMatchersAndRegexes() {
    assertThatThrownBy(() -> LabelMatcher.parse("no operator")).hasMessageContaining("bad matcher 'no operator'");
    assertThatThrownBy(() -> LabelMatcher.parse("a=~\"(\"")).hasMessageContaining("bad regex");
  }
}
