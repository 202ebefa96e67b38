package nl.webcare.inbox;

import io.vertx.core.Future;
import java.util.List;
import nl.webcare.mention.Mention;

/**
 * The durable inbox: every new mention, appended once by (source, external id), for the scorers to read.
 * Fails its future when the store cannot be reached; then nothing was appended and the caller keeps its cursor.
 */
public interface MentionInbox {

  /** How many of the offered mentions were new and how many were already in. */
  record AppendResult(int appended, int duplicates) {}

  Future<AppendResult> append(List<Mention> mentions);
}
