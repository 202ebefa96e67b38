package nl.webcare.store;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads a sorted set from the highest score down, one page at a time, with a cursor that stays right
 * when items are added or removed between pages. Items with equal scores are ordered by member, the
 * way Redis orders them, so a tie at a page boundary is neither repeated nor skipped.
 */
public final class SortedSetPager {
  private SortedSetPager() {}

  public static List<Tuple> page(UnifiedJedis redis, String key, PageCursor after, int limit) {
    if (after == null) {
      return redis.zrevrangeWithScores(key, 0, limit - 1);
    }
    String score = Long.toString(after.score());
    List<Tuple> page = new ArrayList<>();
    // ZREVRANGEBYSCORE lists equal scores in reverse member order: the ones not yet returned sort below the cursor's member.
    for (Tuple tie : redis.zrevrangeByScoreWithScores(key, score, score)) {
      if (tie.getElement().compareTo(after.member()) < 0 && page.size() < limit) {
        page.add(tie);
      }
    }
    if (page.size() < limit) {
      page.addAll(redis.zrevrangeByScoreWithScores(key, "(" + score, "-inf", 0, limit - page.size()));
    }
    return page;
  }

  public static PageCursor cursorAfter(Tuple last) {
    return new PageCursor((long) last.getScore(), last.getElement());
  }
}
