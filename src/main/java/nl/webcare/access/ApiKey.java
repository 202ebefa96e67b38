package nl.webcare.access;

import java.time.Instant;

/**
 * An API key as stored: never the key itself, only its SHA-256, so a copy of the store gives nobody access.
 *
 * @param id    short public id, to list and revoke the key
 * @param owner the person or system it belongs to; recorded on every change it makes
 */
public record ApiKey(String id, String owner, Role role, Instant createdAt, String createdBy) {}
