package nl.webcare.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which alerts a subscription, a live stream or a feed wants: event types, brand, channel, team, language, triage
 * class and a minimum urgency. Each condition given must hold; within one condition any listed value does. An alert
 * that lacks a field a condition names does not match it (an {@code sla.breached} of a case without a brand is not
 * "about brand acme"). The same names serve as query parameters ({@code ?type=case.opened,sla.breached&brand=acme})
 * and as the JSON of a subscription's {@code filter}.
 *
 * @param types       exact types, or a family such as {@code spike.*}; empty: every type
 * @param minUrgency  null: any urgency
 */
public record AlertFilter(Set<String> types, Set<String> brands, Set<String> channels, Set<String> teams,
    Set<String> languages, Set<String> triageClasses, Double minUrgency) {

  /** Every alert. */
  public static final AlertFilter ALL = new AlertFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null);

  /** The names of the conditions, as query parameters and JSON fields. */
  public static final List<String> NAMES = List.of("type", "brand", "channel", "team", "language", "triageClass",
      "minUrgency");

  private static final int MAX_VALUES = 50;
  private static final int MAX_VALUE_CHARS = 64;
  private static final Set<String> TRIAGE_CLASSES = java.util.Arrays.stream(nl.webcare.mention.TriageClass.values())
      .map(nl.webcare.mention.TriageClass::wire).collect(java.util.stream.Collectors.toCollection(
          java.util.LinkedHashSet::new));

  public AlertFilter {
    types = Set.copyOf(types);
    brands = Set.copyOf(brands);
    channels = Set.copyOf(channels);
    teams = Set.copyOf(teams);
    languages = Set.copyOf(languages);
    triageClasses = Set.copyOf(triageClasses);
  }

  /** True when the alert meets every condition. */
  public boolean matches(Alert alert) {
    if (!types.isEmpty() && types.stream().noneMatch(t -> typeMatches(t, alert.type()))) {
      return false;
    }
    Map<String, String> f = alert.fields();
    if (!in(brands, f.get("brand")) || !in(channels, f.get("channel")) || !in(teams, f.get("team"))
        || !in(languages, f.get("language")) || !in(triageClasses, f.get("triageClass"))) {
      return false;
    }
    if (minUrgency != null) {
      String urgency = f.get("urgency");
      try {
        return urgency != null && Double.parseDouble(urgency) >= minUrgency;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean typeMatches(String wanted, String type) {
    return type != null && (wanted.equals(type)
        || wanted.endsWith(".*") && type.startsWith(wanted.substring(0, wanted.length() - 1)));
  }

  private static boolean in(Set<String> wanted, String value) {
    return wanted.isEmpty() || value != null && wanted.contains(value.toLowerCase(Locale.ROOT));
  }

  /**
   * The filter that the named values give; {@code values} answers the values of one name (repeated parameters or
   * a JSON array, each value may itself be comma-separated), empty when the name is absent.
   *
   * @throws IllegalArgumentException naming the condition that cannot be read
   */
  public static AlertFilter read(Function<String, List<String>> values) {
    Set<String> types = set(values.apply("type"), "type");
    for (String type : types) {
      if (!AlertTypes.isKnownOrFamily(type)) {
        throw new IllegalArgumentException("type " + type + " is not an alert type; known: "
            + String.join(", ", AlertTypes.ALL) + " (a family such as spike.* is allowed)");
      }
    }
    Set<String> triage = set(values.apply("triageClass"), "triageClass");
    for (String c : triage) {
      if (!TRIAGE_CLASSES.contains(c)) {
        throw new IllegalArgumentException("triageClass " + c + " is not one of " + String.join(", ", TRIAGE_CLASSES));
      }
    }
    Set<String> languages = set(values.apply("language"), "language");
    for (String l : languages) {
      if (!l.matches("[a-z]{2,3}")) {
        throw new IllegalArgumentException("language " + l + " is not a language code such as nl or en");
      }
    }
    List<String> urgency = values.apply("minUrgency");
    Double min = null;
    if (urgency != null && !urgency.isEmpty()) {
      try {
        min = Double.parseDouble(urgency.get(0).trim());
      } catch (NumberFormatException e) {
        min = Double.NaN;
      }
      if (min.isNaN() || min < 0 || min > 1 || urgency.size() > 1) {
        throw new IllegalArgumentException("minUrgency must be one number from 0 to 1");
      }
    }
    return new AlertFilter(types, set(values.apply("brand"), "brand"), set(values.apply("channel"), "channel"),
        set(values.apply("team"), "team"), languages, triage, min);
  }

  private static Set<String> set(List<String> given, String name) {
    Set<String> out = new LinkedHashSet<>();
    if (given == null) {
      return out;
    }
    for (String value : given) {
      for (String part : value.split(",")) {
        String v = part.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
          continue;
        }
        if (v.length() > MAX_VALUE_CHARS || !v.matches("[a-z0-9._*:-]+")) {
          throw new IllegalArgumentException(name + " value " + (v.length() > MAX_VALUE_CHARS
              ? v.substring(0, MAX_VALUE_CHARS) + "..." : v) + " is not a name (letters, digits, . _ - : only)");
        }
        out.add(v);
      }
    }
    if (out.size() > MAX_VALUES) {
      throw new IllegalArgumentException(name + " lists more than " + MAX_VALUES + " values");
    }
    return out;
  }

  /** The conditions as name -> values (lists), leaving out those not given: the JSON of a subscription's filter. */
  public Map<String, Object> asMap() {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    put(out, "type", types);
    put(out, "brand", brands);
    put(out, "channel", channels);
    put(out, "team", teams);
    put(out, "language", languages);
    put(out, "triageClass", triageClasses);
    if (minUrgency != null) {
      out.put("minUrgency", minUrgency);
    }
    return out;
  }

  private static void put(Map<String, Object> out, String name, Set<String> values) {
    if (!values.isEmpty()) {
      out.put(name, new ArrayList<>(new java.util.TreeSet<>(values)));
    }
  }
}
