package nl.webcare.connector.x;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;

/** X posts to mentions: text, author with handle and reach, thread, language and engagement. */
final class XPostMapper {
  static final String CHANNEL = "x";
  private final ConnectorDefinition definition;

  XPostMapper(ConnectorDefinition definition) {
    this.definition = definition;
  }

  List<Mention> map(List<XPost> posts) {
    List<Mention> mentions = new ArrayList<>();
    Instant now = Instant.now();
    for (XPost post : posts) {
      if (post.id() == null || post.text() == null) {
        continue;
      }
      MentionDetails details = new MentionDetails(post.authorHandle(), post.authorFollowers(), post.authorVerified(),
          post.conversationId(), post.repliedToId(), post.engagement(), null);
      mentions.add(new Mention(Mention.idFor(definition.name(), post.id()), definition.name(), CHANNEL,
          definition.brand(), post.id(), post.authorName() != null ? post.authorName() : post.authorHandle(), null,
          post.text(), link(post), post.createdAt() != null ? post.createdAt() : now, language(post.lang()), null, null,
          details));
    }
    return mentions;
  }

  private static String link(XPost post) {
    String handle = post.authorHandle() == null ? "i/web" : post.authorHandle();
    return "https://x.com/" + handle + "/status/" + post.id();
  }

  /**
   * X's {@code lang}: a two-letter code, or {@code und} and the {@code q*}/{@code zxx} codes for
   * "undetermined", "media only", "hashtags only" ... which say nothing about the language.
   */
  private String language(String lang) {
    String configured = definition.option("language");
    if (lang == null || lang.length() != 2 || lang.startsWith("q")) {
      return configured;
    }
    return lang.toLowerCase(Locale.ROOT);
  }
}
