package nl.webcare.worklist;

import java.util.List;
import java.util.Map;

/** How the worklist's script wrappers write ARGV: flags as '1' or '0', fields as pairs. */
final class ScriptArgs {
  private ScriptArgs() {}

  static String flag(boolean on) {
    return on ? "1" : "0";
  }

  /** Field, value, field, value ... as a script reads pairs. */
  static void pairs(List<String> args, Map<String, String> fields) {
    fields.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
  }
}
