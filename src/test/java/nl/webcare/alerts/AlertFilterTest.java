package nl.webcare.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one filter of subscriptions, the live stream, the feeds and the polled alerts. */
class AlertFilterTest {
  private static final Alert OPENED = new Alert("1-0", "case.opened", Map.of("brand", "acme", "channel", "x",
      "team", "care", "language", "nl", "triageClass", "complaint", "urgency", "0.72"));
  private static final Alert BREACH = new Alert("2-0", "sla.breached", Map.of("team", "care", "channel", "x"));

  private static AlertFilter read(Map<String, List<String>> query) {
    return AlertFilter.read(name -> query.getOrDefault(name, List.of()));
  }

  @Test
  void everyConditionMustHoldAndAnyListedValueDoes() {
    AlertFilter f = read(Map.of("type", List.of("case.opened,sla.breached"), "brand", List.of("acme", "rivalco"),
        "language", List.of("NL"), "minUrgency", List.of("0.7")));
    assertThat(f.matches(OPENED)).isTrue();
    // an alert without the brand the filter names is not about that brand
    assertThat(f.matches(BREACH)).isFalse();
    assertThat(read(Map.of("minUrgency", List.of("0.8"))).matches(OPENED)).isFalse();
    assertThat(read(Map.of("team", List.of("legal"))).matches(OPENED)).isFalse();
    assertThat(read(Map.of("triageClass", List.of("complaint,crisis"))).matches(OPENED)).isTrue();
    assertThat(AlertFilter.ALL.matches(BREACH)).isTrue();
  }

  @Test
  void aFamilyNamesEveryTypeInIt() {
    assertThat(read(Map.of("type", List.of("case.*"))).matches(OPENED)).isTrue();
    assertThat(read(Map.of("type", List.of("case.*"))).matches(BREACH)).isFalse();
    // the marketing spikes are a family whose members come later
    assertThat(read(Map.of("type", List.of("spike.volume")))
        .matches(new Alert("3-0", "spike.volume", Map.of()))).isTrue();
  }

  @Test
  void whatCannotBeReadIsRefusedByName() {
    assertThatThrownBy(() -> read(Map.of("type", List.of("case.exploded")))).hasMessageContaining("case.exploded")
        .hasMessageContaining("case.opened");
    assertThatThrownBy(() -> read(Map.of("minUrgency", List.of("high")))).hasMessageContaining("minUrgency");
    assertThatThrownBy(() -> read(Map.of("minUrgency", List.of("1.5")))).hasMessageContaining("minUrgency");
    assertThatThrownBy(() -> read(Map.of("triageClass", List.of("rant")))).hasMessageContaining("rant");
    assertThatThrownBy(() -> read(Map.of("language", List.of("dutch")))).hasMessageContaining("language");
    assertThatThrownBy(() -> read(Map.of("brand", List.of("<script>")))).hasMessageContaining("brand");
    assertThatThrownBy(() -> read(Map.of("brand", List.of("a".repeat(500))))).hasMessageContaining("brand");
  }

  @Test
  void itsMapReadsBackToTheSameFilter() {
    AlertFilter f = read(Map.of("type", List.of("case.opened"), "channel", List.of("x,trustpilot"),
        "minUrgency", List.of("0.5")));
    Map<String, Object> map = f.asMap();
    AlertFilter back = AlertFilter.read(name -> {
      Object v = map.get(name);
      return v == null ? List.of() : v instanceof List<?> l ? l.stream().map(Object::toString).toList()
          : List.of(v.toString());
    });
    assertThat(back).isEqualTo(f);
  }
}
