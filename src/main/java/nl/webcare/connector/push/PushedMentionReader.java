package nl.webcare.connector.push;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.time.Instant;
import java.util.List;
import nl.webcare.resources.ClasspathResources;
import nl.webcare.connector.SourceTime;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;

/**
 * Turns a pushed JSON body into a mention, after checking it against the published schema
 * ({@code GET /api/v1/schemas/ingest-mention.json}): the schema that integrators read is the one
 * that is enforced, so the two cannot drift apart.
 */
public final class PushedMentionReader {
  public static final String SCHEMA_RESOURCE = "api/ingest-mention.schema.json";
  private static final int MAX_REPORTED_ERRORS = 5;

  private final JsonObject schema;
  private final Validator validator;

  public PushedMentionReader() {
    String text = ClasspathResources.text(SCHEMA_RESOURCE);
    this.schema = new JsonObject(text);
    // the validator annotates the schema it is given (__absolute_uri__ ...): it gets its own copy, not the published one
    this.validator = Validator.create(JsonSchema.of(new JsonObject(text)),
        new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setOutputFormat(OutputFormat.Basic)
            .setBaseUri("https://webcare.invalid/"));
  }

  /** The published schema. */
  public JsonObject schema() {
    return schema.copy();
  }

  /** What is wrong with a body, or an empty list when it is a valid mention. */
  public List<String> problems(JsonObject body) {
    OutputUnit result = validator.validate(body);
    if (Boolean.TRUE.equals(result.getValid())) {
      String when = body.getString("publishedAt");
      return when == null || SourceTime.parse(when) != null ? List.of()
          : List.of("/publishedAt: not an RFC 3339 date-time with an offset, e.g. 2026-11-25T09:30:00Z");
    }
    List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result)
        : result.getErrors();
    return errors.stream().limit(MAX_REPORTED_ERRORS)
        .map(e -> (e.getInstanceLocation() == null || e.getInstanceLocation().isEmpty() ? "/" : e.getInstanceLocation())
            + ": " + e.getError())
        .toList();
  }

  /** The mention of a body that has no {@link #problems}. */
  public Mention toMention(PushSource source, JsonObject body, Instant receivedAt) {
    JsonObject author = body.getJsonObject("author", new JsonObject());
    String externalId = body.getString("externalId");
    String when = body.getString("publishedAt");
    Long followers = author.getLong("followers");
    MentionDetails details = new MentionDetails(author.getString("handle"), followers, null,
        body.getString("conversationId"), body.getString("inReplyTo"), body.getInteger("engagement"), null);
    String name = author.getString("name") != null ? author.getString("name") : author.getString("handle");
    return new Mention(Mention.idFor(source.name(), externalId), source.name(), source.channel(),
        source.definition().brand(), externalId, name, body.getString("title"), body.getString("text"),
        body.getString("url"), when == null ? receivedAt : SourceTime.parse(when),
        body.getString("language", source.language()), body.getInteger("rating"), null, details);
  }

}
