package nl.webcare.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packages in layers, lowest first: a package may use the ones below it, never one above. Each layer
 * is one role (DESIGN.md, "Where things live"); a new package gets its place in {@link #LAYERS}.
 */
class LayeringTest {
  /** Lowest first. {@code connector} includes its source-type sub-packages. */
  static final List<String> LAYERS = List.of(
      "resources", "store", "mention", "evaluation", "inbox", "access", "sentiment", "triage", "sla", "alerts", "worklist",
      "config", "metrics", "privacy", "retention", "learning", "performance", "analytics", "connector", "delivery", "demo", "pipeline", "casework", "api", "app",
      "bench", "cli");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("nl.webcare");
  }

  @TestFactory
  List<DynamicTest> noPackageUsesOneAboveIt() {
    return LAYERS.stream().map(layer -> DynamicTest.dynamicTest(layer, () -> {
      List<String> above = LAYERS.subList(LAYERS.indexOf(layer) + 1, LAYERS.size());
      String[] abovePackages = above.stream().map(p -> "nl.webcare." + p + "..").toArray(String[]::new);
      // GIVEN the classes of one layer WHEN their dependencies are read THEN none points to a higher layer
      noClasses().that().resideInAPackage("nl.webcare." + layer + "..")
          .should().dependOnClassesThat().resideInAnyPackage(abovePackages)
          .because("a package never imports one above it (see LAYERS)")
          .check(classes);
    })).toList();
  }

  @Test
  void theLauncherIsTheOnlyClassAtTheTop() {
    // GIVEN the root package WHEN read THEN no layer depends on it (it only starts the command line)
    noClasses().that().resideInAnyPackage(LAYERS.stream().map(p -> "nl.webcare." + p + "..").toArray(String[]::new))
        .should().dependOnClassesThat().resideInAPackage("nl.webcare")
        .check(classes);
  }

  @Test
  void everyPackageHasALayer() {
    // GIVEN every main package WHEN matched with the layers THEN none is left without a place
    List<String> unplaced = classes.stream().map(c -> c.getPackageName())
        .filter(p -> !p.equals("nl.webcare"))
        .map(p -> p.substring("nl.webcare.".length()).split("\\.")[0])
        .distinct().filter(p -> !LAYERS.contains(p)).toList();
    org.assertj.core.api.Assertions.assertThat(unplaced).as("packages without a layer").isEmpty();
  }

  @Test
  void theApiNamesNoRedisClassAndNoLuaScript() {
    // GIVEN the HTTP layer WHEN its dependencies are read THEN it reaches the stores through interfaces only
    noClasses().that().resideInAPackage("nl.webcare.api..")
        .should().dependOnClassesThat().haveSimpleNameStartingWith("Redis")
        .orShould().dependOnClassesThat().resideInAPackage("redis.clients.jedis..")
        .orShould().dependOnClassesThat().haveSimpleName("LuaScript")
        .check(classes);
  }

  @Test
  void sourceTypesDoNotUseEachOther() {
    // GIVEN the connector sub-packages of source types WHEN read THEN each uses the shared connector code only
    for (String type : List.of("bluesky", "feed", "kiyoh", "mastodon", "push", "x")) {
      String[] others = List.of("bluesky", "feed", "kiyoh", "mastodon", "push", "x").stream()
          .filter(o -> !o.equals(type)).map(o -> "nl.webcare.connector." + o + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("nl.webcare.connector." + type + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
    }
  }
}
