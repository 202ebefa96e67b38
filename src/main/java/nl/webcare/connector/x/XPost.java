package nl.webcare.connector.x;

import java.time.Instant;

/**
 * One post as the X API v2 returns it, with its author from {@code includes.users}; independent of the
 * client library so that Twitter4J can be swapped without touching the connector.
 *
 * @param engagement likes + reposts + replies + quotes ({@code public_metrics})
 */
record XPost(String id, String text, Instant createdAt, String lang, String conversationId, String repliedToId,
    String authorId, String authorHandle, String authorName, Long authorFollowers, Boolean authorVerified,
    Integer engagement) {}
