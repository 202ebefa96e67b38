package nl.webcare.connector.kiyoh;

import java.time.Instant;

/**
 * One review from a Kiyoh (or Klantenvertellen) XML feed.
 *
 * @param rating    the overall score on Kiyoh's 1..10 scale, null when absent
 * @param oneLiner  the review's headline ({@code DEFAULT_ONELINER})
 * @param opinion   the review text ({@code DEFAULT_OPINION})
 * @param recommends the answer to "would you recommend us" ({@code DEFAULT_RECOMMEND}), null when absent
 */
record KiyohReview(String reviewId, String author, String city, Integer rating, String oneLiner, String opinion,
    Boolean recommends, Instant postedAt) {

  /** Kiyoh's 10-point score as stars: 1-2 -> 1, 3-4 -> 2, 5-6 -> 3, 7-8 -> 4, 9-10 -> 5. */
  Integer stars() {
    return rating == null ? null : Math.max(1, Math.min(5, (rating + 1) / 2));
  }
}
