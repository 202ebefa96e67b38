package nl.webcare.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.webcare.store.LuaScript;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import org.junit.jupiter.api.Test;

/** Every Lua script is loaded at start, and one that does not compile stops the start naming it. */
class LuaScriptsTest {

  @Test
  void everyScriptOfTheJarIsLoadedAtStart() throws IOException {
    // GIVEN the scripts in the source tree WHEN compared with what the start loads THEN none is left out
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/store/lua"))) {
      var onDisk = files.map(p -> p.getFileName().toString().replace(".lua", "")).sorted().toList();
      var loaded = Components.scripts().stream().map(LuaScript::name).sorted().toList();
      assertThat(loaded).isEqualTo(onDisk);
    }
    try (RedisFixture fixture = new RedisFixture()) {
      Await.result(fixture.redis.loadScripts(Components.scripts()));
    }
  }

  @Test
  void aScriptThatDoesNotCompileFailsTheLoadWithItsName() {
    try (RedisFixture fixture = new RedisFixture()) {
      Throwable failure = Await.failure(fixture.redis.loadScripts(java.util.List.of(
          new LuaScript("broken_case", "return { 'unclosed'", "0"))));
      assertThat(failure).hasMessageContaining("Lua script broken_case does not load");
    }
  }

  @Test
  void aMissingScriptIsNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LuaScript.load("no_such_script"))
        .hasMessageContaining("store/lua/no_such_script.lua");
  }
}
