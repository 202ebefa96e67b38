package nl.webcare.store;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Every Redis key Webcare uses, defined once. All keys start with the configured prefix so that
 * several deployments, or tests, can share one server.
 *
 * <p>On a Redis Cluster a script or a transaction may touch keys of one slot only, so the keys that one of them
 * touches together share a hash tag (the part in braces, which alone decides the slot):
 * <ul>
 *   <li>{@code {work}}: cases with their lists and indexes, the pointers that find a case, the worklist's version,
 *       spikes, the alert stream, and subscriptions with their delivery state: every case move writes its alert
 *       and bumps the version in the same step;</li>
 *   <li>{@code {inbox}}: the mention stream, its dead letters, failed attempts, and the markers that keep a
 *       mention from entering twice;</li>
 *   <li>{@code {mentions}}: the mention indexes (by time, label, source, brand, author) and their registry;</li>
 *   <li>{@code {brand:<name>}}: one brand's marketing counts, phrases, examples and negative minutes, so that
 *       brands spread over the cluster's masters;</li>
 *   <li>{@code {labels}}, {@code {models}}, {@code {access}}: team labels, trained models, API keys;</li>
 *   <li>no tag: keys used alone (a mention's body, a session, a lease, a connector's state, a rate window), which
 *       spread by their whole name.</li>
 * </ul>
 * The tags hold on one node too, so the names are the same everywhere and {@link #requireOneSlot} catches a script
 * that would span slots in every test run.
 */
public final class RedisKeys {
  /** Consumer group of the scorer workers on {@link #mentionStream()}. */
  public static final String SCORER_GROUP = "scorers";

  static final String WORK = "work";
  static final String INBOX = "inbox";
  static final String MENTIONS = "mentions";
  static final String LABELS = "labels";
  static final String MODELS = "models";
  static final String ACCESS = "access";

  private final String prefix;

  public RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** A key in the slot of hash tag {@code tag}. */
  String in(String tag, String rest) {
    return prefix + "{" + tag + "}:" + rest;
  }

  /** A key of one brand's counts: each brand its own slot. */
  String ofBrand(String brand, String rest) {
    return in("brand:" + brand, rest);
  }

  /**
   * Fails when {@code keys} lie in more than one cluster slot: what a script or transaction touches must share a hash
   * tag. Checked on every server, so that a key outside its group fails every test, not only a cluster's.
   */
  public static void requireOneSlot(String what, java.util.List<String> keys) {
    if (keys.size() < 2) {
      return;
    }
    int slot = JedisClusterCRC16.getSlot(keys.get(0));
    for (String key : keys) {
      if (JedisClusterCRC16.getSlot(key) != slot) {
        throw new IllegalStateException(what + " touches keys of two cluster slots: " + keys.get(0) + " and " + key);
      }
    }
  }

  /** Deletes every key under a prefix with SCAN (never KEYS): for benchmarks and tests that used a throw-away prefix. */
  public static long deleteUnderPrefix(UnifiedJedis redis, String prefix) {
    long[] deleted = {0};
    // a DEL per slot: the keys of a page may lie in several slots of a cluster
    RedisGateway.scanKeys(redis, prefix + "*", page -> page.stream()
        .collect(java.util.stream.Collectors.groupingBy(JedisClusterCRC16::getSlot))
        .values().forEach(keys -> deleted[0] += redis.del(keys.toArray(String[]::new))));
    return deleted[0];
  }

  /** Durable inbox: every new mention, appended by connectors, read by scorers. */
  public String mentionStream() {
    return in(INBOX, "mentions");
  }

  /** Messages that failed scoring too often, with their last error. */
  public String deadLetterStream() {
    return in(INBOX, "mentions:dead");
  }

  /** Last scoring error per stream message id, so a dead letter can say why. */
  /** Failed attempts per stream message id: failures of the mention itself, not of the store. */
  public String scoringAttempts() {
    return in(INBOX, "mentions:attempts");
  }

  public String scoringErrors() {
    return in(INBOX, "mentions:errors");
  }

  /** Marker that (source, external id) has entered the stream once; expires with retention. */
  public String seen(String mentionId) {
    return in(INBOX, "seen:" + mentionId);
  }

  public String mention(String mentionId) {
    return prefix + "mention:" + mentionId;
  }

  /** Scored mentions by time; the others narrow by one field. */
  public String mentionsByTime() {
    return in(MENTIONS, "mentions:idx:all");
  }

  /** SCAN pattern that matches every mention index (used once, to build {@link #mentionIndexes()} where it is missing). */
  public String mentionIndexPattern() {
    return in(MENTIONS, "mentions:idx:*");
  }

  /**
   * The names of every mention index (by time, label, source, brand): a few dozen keys, added with each stored
   * mention, so that housekeeping trims them without walking the keyspace.
   */
  public String mentionIndexes() {
    return in(MENTIONS, "mentions:indexes");
  }

  public String mentionsByLabel(String label) {
    return in(MENTIONS, "mentions:idx:label:" + label);
  }

  public String mentionsBySource(String source) {
    return in(MENTIONS, "mentions:idx:source:" + source);
  }

  /** Marketing counts of one brand in one UTC hour (yyyyMMddHH): see count_mention.lua for the fields. */
  public String countsOfHour(String brand, String hour) {
    return ofBrand(brand, "counts:" + brand + ":hour:" + hour);
  }

  /** Marketing counts of one brand on one local day (yyyy-MM-dd in the brand's zone). */
  public String countsOfDay(String brand, String day) {
    return ofBrand(brand, "counts:" + brand + ":day:" + day);
  }

  /** A few mention ids about one aspect on one local day, newest first: what an analyst reads next. */
  public String aspectExamples(String brand, String day, String aspect) {
    return countsOfDay(brand, day) + ":examples:" + aspect;
  }

  /** Ranked phrases (noun phrases, content words) of a brand's mentions with one label on one local day: top-k. */
  public String phrasesOfDay(String brand, String day, String label) {
    return countsOfDay(brand, day) + ":phrases:" + label;
  }

  /**
   * A brand's negative mentions per minute of one UTC day (yyyy-MM-dd): field {@code <minute of day>} for all
   * channels, {@code <minute>|<channel>} per channel. What the spike detector counts and compares.
   */
  public String negativeMinutes(String brand, String utcDay) {
    return ofBrand(brand, "counts:" + brand + ":negmin:" + utcDay);
  }

  /** A brand's newest negative mentions by publication time, members {@code channel|mentionId|aspect,aspect}. */
  public String recentNegatives(String brand) {
    return ofBrand(brand, "counts:" + brand + ":negrecent");
  }

  /** When the brand's counts began (ms): the detector's history reaches no further back. */
  public String countingSince(String brand) {
    return ofBrand(brand, "counts:" + brand + ":since");
  }

  /** Brands by the time of their newest negative mention: the ones the spike detector looks at. */
  public String spikeBrands() {
    return prefix + "spikes:brands";
  }

  /** Spikes going on now: field {@code brand|scope} (scope: all, or a channel), value the spike id. */
  public String activeSpikes() {
    return in(WORK, "spikes:active");
  }

  /** Present while a brand (or one of its channels) rests after a spike ended. */
  public String spikeCooldown(String brand, String scope) {
    return in(WORK, "spikes:cooldown:" + brand + ":" + scope);
  }

  public String spike(String spikeId) {
    return in(WORK, "spike:" + spikeId);
  }

  /** Every spike by its start time, and each brand's. */
  public String spikesByTime() {
    return in(WORK, "spikes:idx:time");
  }

  public String spikesOfBrand(String brand) {
    return in(WORK, "spikes:idx:brand:" + brand);
  }

  /** The cases a spike linked to its incident. */
  public String spikeCases(String spikeId) {
    return spike(spikeId) + ":cases";
  }

  /** Set once a mention has been counted, so that storing it again does not count it twice. */
  public String mentionCounted(String brand, String mentionId) {
    return ofBrand(brand, "counted:" + mentionId);
  }

  public String mentionsByBrand(String brand) {
    return in(MENTIONS, "mentions:idx:brand:" + brand);
  }

  /** An author's mentions by publication time (key: {@code channel:handle}). */
  public String authorMentions(String authorKey) {
    return in(MENTIONS, "author:" + authorKey + ":mentions");
  }

  /** The cases an author opened. */
  public String authorCases(String authorKey) {
    return in(WORK, "author:" + authorKey + ":cases");
  }

  /** The channels on which a handle has been seen, to show an author's other channels. */
  public String handleChannels(String handle) {
    return in(MENTIONS, "handle:" + handle + ":channels");
  }

  /** conversation key ({@code channel:conversation id}) -> the case its next mention joins (join_case.lua). */
  public String caseByConversation(String conversationKey) {
    return in(WORK, "case:by-conversation:" + conversationKey);
  }

  /** author key -> the case its next mention joins (join_case.lua). */
  public String caseByAuthor(String authorKey) {
    return in(WORK, "case:by-author:" + authorKey);
  }

  public String caseHash(String caseId) {
    return in(WORK, "case:" + caseId);
  }

  /** The case id a key names when it is a case's hash ({@link #caseHash}), else null (its lists, other keys). */
  public String caseIdOf(String key) {
    String base = caseHash("");
    return key.startsWith(base) && key.indexOf(':', base.length()) < 0 ? key.substring(base.length()) : null;
  }

  /** mention id -> case id, so that scoring a mention twice opens one case. */
  /** What the team's work says of a mention for one task (needs-reply, sentiment): a label to learn from. */
  public String teamLabel(String mentionId, String task) {
    return in(LABELS, "mention:" + mentionId + ":label:" + task);
  }

  /** The labelled mentions of one {@code brand|language|task}, by the time of their label. */
  public String teamLabelIndex(String group) {
    return in(LABELS, "labels:idx:" + group);
  }

  /** Label counts, field {@code brand|language|task|value}. */
  public String teamLabelCounts() {
    return in(LABELS, "labels:counts");
  }

  /** One trained model version: its figures and, under field {@code data}, the model gzipped. */
  public String model(String versionId) {
    return in(MODELS, "model:" + versionId);
  }

  /** Every model version by the time it was trained. */
  public String modelVersions() {
    return in(MODELS, "models:versions");
  }

  /** The current model version per group ({@code brand|language|task}). */
  public String currentModels() {
    return in(MODELS, "models:current");
  }

  /** Labels per group at the last training, to tell when enough new ones came. */
  public String labelsAtTraining() {
    return in(MODELS, "models:labels-at-training");
  }

  /** Held while a process trains a group's model: never two at once. */
  public String trainingLease(String group) {
    return prefix + "models:lease:" + group;
  }

  /** A browser session, by the SHA-256 of its cookie's token. */
  public String session(String tokenHash) {
    return prefix + "session:" + tokenHash;
  }

  /** A survey link's case and language, until it expires. */
  public String survey(String tokenId) {
    return prefix + "survey:" + tokenId;
  }

  /** Set once a survey link was answered. */
  public String surveyAnswered(String tokenId) {
    return survey(tokenId) + ":answered";
  }

  /**
   * Present while a customer may not be asked again: named by the SHA-256 of their author key, so that no key name
   * holds a handle.
   */
  public String surveyAsked(String authorKey) {
    return prefix + "survey:asked:" + sha256Hex(authorKey);
  }

  /** The SHA-256 of a text, in hex: how a key names a secret or a person without holding it. */
  public static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** The secret that signs survey links (made once, shared by every process). */
  public String surveySecret() {
    return prefix + "survey:secret";
  }

  /** Survey pages opened or answered by one client address in one minute. */
  public String surveyRate(String client, long minute) {
    return prefix + "survey:rate:" + client + ":" + minute;
  }

  public String caseByMention(String mentionId) {
    return in(WORK, "case:by-mention:" + mentionId);
  }

  public String caseSequence() {
    return in(WORK, "case:seq");
  }

  /**
   * The worklist's version: a counter that every change of a case or its indexes bumps in the same script, so a page
   * rendered at one version is current while the counter still reads that version (the ETag and the page cache).
   */
  public String worklistVersion() {
    return in(WORK, "worklist:version");
  }

  /** Active (not closed) cases by priority. Scripts get this and every other key in KEYS, never build one. */
  public String activeCases() {
    return in(WORK, "cases:active");
  }

  public String casesInState(String state) {
    return in(WORK, "cases:state:" + state);
  }

  public String casesOfTeam(String team) {
    return in(WORK, "cases:team:" + team);
  }

  public String casesOfAssignee(String agent) {
    return in(WORK, "cases:assignee:" + agent);
  }

  /** Resolved and dismissed cases by closing time (for retention). */
  public String closedCases() {
    return in(WORK, "cases:closed");
  }

  /**
   * The SLA clocks of a case: the first response, the next reply after the customer wrote again, and the
   * resolution.
   */
  public static final java.util.List<String> SLA_TARGETS = java.util.List.of("firstResponse", "nextReply", "resolution");

  /** Cases by the due time of an SLA target (one of {@link #SLA_TARGETS}). */
  public String slaDue(String target) {
    return in(WORK, "cases:sla:" + target);
  }

  /** All cases by opening time (the SLA report's period). */
  public String casesByOpening() {
    return in(WORK, "cases:opened");
  }

  /** Snoozed cases by wake-up time. */
  public String snoozedCases() {
    return in(WORK, "cases:snoozed");
  }

  /** An API key's record, by the SHA-256 of the key. */
  public String apiKey(String sha256) {
    return in(ACCESS, "apikey:" + sha256);
  }

  /** Public key id -> SHA-256, for listing and revoking. */
  public String apiKeyIds() {
    return in(ACCESS, "apikeys");
  }

  public String caseHistory(String caseId) {
    return caseHash(caseId) + ":history";
  }

  public String caseNotes(String caseId) {
    return caseHash(caseId) + ":notes";
  }

  public String caseTags(String caseId) {
    return caseHash(caseId) + ":tags";
  }

  public String caseReplies(String caseId) {
    return caseHash(caseId) + ":replies";
  }

  public String caseHandoffs(String caseId) {
    return caseHash(caseId) + ":handoffs";
  }

  /** Reply templates: field {@code name:language} -> JSON. */
  public String replyTemplates() {
    return prefix + "templates";
  }

  public String caseMentions(String caseId) {
    return caseHash(caseId) + ":mentions";
  }

  public String alertStream() {
    return in(WORK, "alerts");
  }

  /** Alert subscriptions by creation time (a sorted set of ids). */
  public String subscriptions() {
    return in(WORK, "subscriptions");
  }

  /** One subscription: filter, webhook URL and format, signing secrets, owner, state. */
  public String subscription(String id) {
    return in(WORK, "subscription:" + id);
  }

  /** Feed tokens: SHA-256 of the token -> subscription id. */
  public String subscriptionFeedTokens() {
    return in(WORK, "subscriptions:feedTokens");
  }

  /** The last alert a webhook subscription has delivered (or passed by its filter). */
  public String subscriptionCursor(String id) {
    return subscription(id) + ":cursor";
  }

  /** The retry state of the alert a webhook subscription is trying to deliver. */
  public String subscriptionRetry(String id) {
    return subscription(id) + ":retry";
  }

  /** The delivery log, newest first, capped. */
  public String subscriptionDeliveries(String id) {
    return subscription(id) + ":deliveries";
  }

  /** Alerts an admin asked to send again, oldest first. */
  public String subscriptionRedeliveries(String id) {
    return subscription(id) + ":redeliver";
  }

  /** The process that delivers a subscription's webhooks, one at a time. */
  public String subscriptionLease(String id) {
    return subscription(id) + ":lease";
  }

  /** Live streams open per API key: stream id -> expiry (ms), counted over every process. */
  public String alertStreamsOfKey(String keyId) {
    return prefix + "alertStreams:" + keyId;
  }

  public String connectorCursor(String connector) {
    return prefix + "connector:" + connector + ":cursor";
  }

  /** Posts read from a paid API on one UTC day (a counter that expires after two days). */
  public String connectorReads(String connector, java.time.LocalDate day) {
    return prefix + "connector:" + connector + ":reads:" + day;
  }

  /** Requests a push source made in one rate window (a counter that expires with the window). */
  public String ingestWindow(String source, long window) {
    return prefix + "ingest:" + source + ":window:" + window;
  }

  /** Failed authentications from one client address in one minute (a counter that expires with the window). */
  public String authFailures(String client, long window) {
    return prefix + "auth:failures:" + client + ":" + window;
  }

  public String connectorStatus(String connector) {
    return prefix + "connector:" + connector + ":status";
  }

  public String connectorLease(String connector) {
    return prefix + "connector:" + connector + ":lease";
  }
}
