package nl.webcare.worklist;

import io.vertx.core.Future;
import java.util.List;

/**
 * Reply templates by name and language, filled in when an agent replies. Every future fails when the store
 * cannot be reached.
 */
public interface ReplyTemplates {

  Future<Void> save(ReplyTemplate template);

  /** The template in that language, or null. */
  Future<ReplyTemplate> find(String name, String language);

  /** Every template, by name and then language. */
  Future<List<ReplyTemplate>> all();

  /** False when there was no such template. */
  Future<Boolean> delete(String name, String language);
}
