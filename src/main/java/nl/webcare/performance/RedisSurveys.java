package nl.webcare.performance;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Surveys in Redis: a hash per link (case, language) that expires a day after the link; a marker set once per
 * answer (SET NX); a marker per customer (the SHA-256 of their author key, never the key) for the period in which
 * they are not asked again; the signing secret made once for all processes; a per-minute counter per client.
 */
public final class RedisSurveys implements Surveys {
  /** Survey requests one client address may make in a minute. */
  static final int PER_MINUTE = 30;

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final Duration lifetime;
  private final Duration perCustomer;
  private volatile SurveyTokens tokens;

  public RedisSurveys(RedisGateway redis, Duration lifetime, Duration perCustomer) {
    this.redis = redis;
    this.keys = redis.keys();
    this.lifetime = lifetime;
    this.perCustomer = perCustomer;
  }

  @Override
  public Future<Invitation> invite(String caseId, String authorKey, String language, Instant now) {
    return redis.call(jedis -> {
      if (authorKey != null && !perCustomer.isZero() && !"OK".equals(jedis.set(keys.surveyAsked(authorKey),
          caseId, SetParams.setParams().nx().px(perCustomer.toMillis())))) {
        return null;
      }
      Instant expires = now.plus(lifetime);
      String token = tokens(jedis).issue(expires);
      String id = token.substring(0, token.indexOf('.'));
      long keep = lifetime.plus(Duration.ofDays(1)).toMillis();
      jedis.hset(keys.survey(id), Map.of("caseId", caseId, "language", language == null ? "en" : language));
      jedis.pexpire(keys.survey(id), keep);
      return new Invitation(token, expires);
    });
  }

  @Override
  public Future<Void> withdraw(String token, String authorKey) {
    return redis.call(jedis -> {
      SurveyTokens.Parsed parsed = tokens(jedis).verify(token);
      if (parsed != null) {
        jedis.del(keys.survey(parsed.id()));
      }
      if (authorKey != null) {
        jedis.del(keys.surveyAsked(authorKey));
      }
      return null;
    });
  }

  @Override
  public Future<Lookup> open(String token, Instant now) {
    return redis.call(jedis -> lookup(jedis, token, now, false));
  }

  @Override
  public Future<Lookup> answer(String token, Instant now) {
    return redis.call(jedis -> lookup(jedis, token, now, true));
  }

  private Lookup lookup(UnifiedJedis jedis, String token, Instant now, boolean use) {
    SurveyTokens.Parsed parsed = tokens(jedis).verify(token);
    if (parsed == null) {
      return Lookup.of(State.INVALID);
    }
    if (!now.isBefore(parsed.expires())) {
      return Lookup.of(State.EXPIRED);
    }
    Map<String, String> survey = jedis.hgetAll(keys.survey(parsed.id()));
    if (survey.isEmpty()) {
      return Lookup.of(State.INVALID); // signed by us, but its case was erased
    }
    long keep = Duration.between(now, parsed.expires()).plus(Duration.ofDays(1)).toMillis();
    boolean answered = use ? !"OK".equals(jedis.set(keys.surveyAnswered(parsed.id()), "1",
        SetParams.setParams().nx().px(keep))) : jedis.exists(keys.surveyAnswered(parsed.id()));
    return new Lookup(answered ? State.ANSWERED : State.OPEN, survey.get("caseId"), survey.get("language"));
  }

  @Override
  public Future<Boolean> allow(String client, Instant now) {
    return redis.call(jedis -> {
      String key = keys.surveyRate(client, now.getEpochSecond() / 60);
      long seen = jedis.incr(key);
      if (seen == 1) {
        jedis.pexpire(key, 120_000);
      }
      return seen <= PER_MINUTE;
    });
  }

  /** The signing secret: made by the first process that needs it, read by the others. */
  private SurveyTokens tokens(UnifiedJedis jedis) {
    SurveyTokens known = tokens;
    if (known != null) {
      return known;
    }
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    jedis.set(keys.surveySecret(), Base64.getEncoder().encodeToString(fresh), SetParams.setParams().nx());
    known = new SurveyTokens(Base64.getDecoder().decode(jedis.get(keys.surveySecret())));
    tokens = known;
    return known;
  }
}
