package nl.webcare.connector.x;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import twitter4j.PaginationToken;
import twitter4j.RateLimitStatus;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.User2;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * {@link XApi} over Twitter4J 4.0.7 and its X API v2 extension. Reading uses the app's bearer token;
 * replying uses OAuth 1.0a user-context credentials (consumer key and secret, access token and
 * secret), built only when a reply is sent. Twitter4J does the HTTP, the OAuth signing and reads the
 * {@code x-rate-limit-*} headers; this class maps its types to Webcare's and its errors to X's text.
 */
final class Twitter4jXApi implements XApi {
  static final String TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,lang,public_metrics,author_id,referenced_tweets";
  static final String USER_FIELDS = "username,name,public_metrics,verified";
  static final String EXPANSIONS = "author_id";
  private static final String UNUSED = "unused-with-a-bearer-token";

  /** User-context credentials for posting replies. */
  record ReplyCredentials(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {}

  private final TwitterV2 reader;
  private final String baseUrl;
  private final int timeoutMs;
  private final ReplyCredentials replyCredentials;

  Twitter4jXApi(String baseUrl, String bearerToken, ReplyCredentials replyCredentials, int timeoutMs) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.timeoutMs = timeoutMs;
    this.replyCredentials = replyCredentials;
    // Twitter4J builds its app-only (bearer) authorization only when a consumer key pair is set; it
    // sends that pair only to fetch a token, which is never needed here as the token is given.
    ConfigurationBuilder builder = common().setApplicationOnlyAuthEnabled(true)
        .setOAuthConsumerKey(UNUSED).setOAuthConsumerSecret(UNUSED)
        .setOAuth2TokenType("bearer").setOAuth2AccessToken(bearerToken);
    this.reader = v2(builder.build());
  }

  @Override
  public XPage read(Query query, int maxResults) throws XApiException {
    PaginationToken token = query.paginationToken() == null ? null : new PaginationToken(query.paginationToken());
    Long sinceId = query.sinceId() == null ? null : Long.valueOf(query.sinceId());
    try {
      TweetsResponse response = query.isMentions()
          ? reader.getUserMentions(Long.parseLong(query.userId()), null, EXPANSIONS, maxResults, null, token, null, null,
              sinceId, null, TWEET_FIELDS, null, USER_FIELDS)
          : reader.searchRecent(query.search(), null, EXPANSIONS, maxResults, null, token, null, null, sinceId, null,
              TWEET_FIELDS, null, USER_FIELDS);
      return page(response);
    } catch (TwitterException e) {
      throw translate(e);
    } catch (RuntimeException e) {
      // Twitter4J's JSON layer throws unchecked exceptions on a truncated or garbled body
      throw new XApiException(-1, "X sent an answer that is not the expected JSON: " + e.getMessage(), null, e);
    }
  }

  @Override
  public String reply(String inReplyToId, String text) throws XApiException {
    if (replyCredentials == null) {
      throw new XApiException(-1, "no reply credentials configured for this X connector", null, null);
    }
    ConfigurationBuilder builder = common()
        .setOAuthConsumerKey(replyCredentials.consumerKey()).setOAuthConsumerSecret(replyCredentials.consumerSecret())
        .setOAuthAccessToken(replyCredentials.accessToken())
        .setOAuthAccessTokenSecret(replyCredentials.accessTokenSecret());
    try {
      return Long.toString(v2(builder.build()).createTweet(null, null, null, null, null, null, null, null, null,
          Long.valueOf(inReplyToId), null, text).getId());
    } catch (TwitterException e) {
      throw translate(e);
    } catch (RuntimeException e) {
      throw new XApiException(-1, "X sent an answer that is not the expected JSON: " + e.getMessage(), null, e);
    }
  }

  private ConfigurationBuilder common() {
    return new ConfigurationBuilder().setHttpConnectionTimeout(timeoutMs).setHttpReadTimeout(timeoutMs)
        .setHttpRetryCount(0).setJSONStoreEnabled(false).setTrimUserEnabled(false);
  }

  private TwitterV2 v2(Configuration configuration) {
    V2ConfigurationKt.getV2Configuration(configuration).setBaseURL(baseUrl);
    Twitter twitter = new TwitterFactory(configuration).getInstance();
    return TwitterV2ExKt.getV2(twitter);
  }

  private static XPage page(TweetsResponse response) {
    Map<Long, User2> users = response.getUsersMap();
    List<XPost> posts = new ArrayList<>();
    for (Tweet tweet : response.getTweets()) {
      User2 author = tweet.getAuthorId() == null ? null : users.get(tweet.getAuthorId());
      Tweet.PublicMetrics metrics = tweet.getPublicMetrics();
      posts.add(new XPost(Long.toString(tweet.getId()), tweet.getText(),
          tweet.getCreatedAt() == null ? null : tweet.getCreatedAt().toInstant(), tweet.getLang(),
          text(tweet.getConversationId()), text(tweet.getRepliedToTweetId()), text(tweet.getAuthorId()),
          author == null ? null : author.getScreenName(), author == null ? null : author.getName(),
          author == null || author.getPublicMetrics() == null ? null : (long) author.getPublicMetrics().getFollowersCount(),
          author == null ? null : author.getVerified(),
          metrics == null ? null : metrics.getLikeCount() + metrics.getRetweetCount() + metrics.getReplyCount()
              + metrics.getQuoteCount()));
    }
    var meta = response.getMeta();
    String next = meta == null || meta.getNextToken() == null ? null : meta.getNextToken().getValue();
    String newest = meta == null ? null : text(meta.getNewestId());
    return new XPage(posts, next, newest, rateLimit(response.getRateLimitStatus()));
  }

  private static XApiException translate(TwitterException e) {
    int status = e.getStatusCode();
    String text = status < 0 ? describeNetworkFailure(e) : errorText(e.getMessage());
    XPage.RateLimit limit = rateLimit(e.getRateLimitStatus());
    return new XApiException(status, status < 0 ? text : "X answered " + status + ": " + text,
        limit != null ? limit : rateLimitFromHeaders(e), e);
  }

  /** Twitter4J reports a rate limit only when all three headers came; a reset time alone is enough here. */
  private static XPage.RateLimit rateLimitFromHeaders(TwitterException e) {
    String reset = header(e, "x-rate-limit-reset");
    String remaining = header(e, "x-rate-limit-remaining");
    try {
      return reset == null ? null : new XPage.RateLimit(remaining == null ? 0 : Integer.parseInt(remaining.trim()),
          Instant.ofEpochSecond(Long.parseLong(reset.trim())));
    } catch (NumberFormatException garbled) {
      return null;
    }
  }

  private static String header(TwitterException e, String name) {
    String value = headerOrNull(e, name);
    return value != null ? value : headerOrNull(e, name.replace("x-rate-limit", "X-Rate-Limit").replace("-reset",
        "-Reset").replace("-remaining", "-Remaining"));
  }

  /** Twitter4J 4.0.7 throws a NullPointerException for a header the answer did not have. */
  private static String headerOrNull(TwitterException e, String name) {
    try {
      return e.getResponseHeader(name);
    } catch (RuntimeException absent) {
      return null;
    }
  }

  /** X's own words from a v2 error body ({@code detail}, {@code title} or {@code errors[0].message}). */
  static String errorText(String message) {
    if (message == null) {
      return "no error text";
    }
    int json = message.indexOf('{');
    if (json >= 0) {
      try {
        JsonObject body = new JsonObject(message.substring(json));
        JsonArray errors = body.getJsonArray("errors");
        String fromErrors = errors == null || errors.isEmpty() || !(errors.getValue(0) instanceof JsonObject first)
            ? null : first.getString("message");
        String detail = body.getString("detail", fromErrors);
        return detail != null ? detail : body.getString("title", message.substring(json).trim());
      } catch (DecodeException | ClassCastException ignored) {
        // not JSON after all: fall through to the plain text
      }
    }
    String plain = message.replaceAll("\\s+", " ").trim();
    return plain.length() > 300 ? plain.substring(0, 300) + "..." : plain;
  }

  private static String describeNetworkFailure(TwitterException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return "X did not answer: " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
  }

  private static XPage.RateLimit rateLimit(RateLimitStatus status) {
    return status == null ? null
        : new XPage.RateLimit(status.getRemaining(), Instant.ofEpochSecond(status.getResetTimeInSeconds()));
  }

  private static String text(Long value) {
    return value == null ? null : value.toString();
  }
}
