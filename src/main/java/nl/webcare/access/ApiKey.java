package nl.webcare.access;

import java.time.Instant;

/**
 * An API key as stored: never the key itself, only its SHA-256, so a copy of the store gives nobody access.
 *
 * @param id    short public id, to list and revoke the key
 * @param owner the person or system it belongs to; recorded on every change it makes
 * @param teams the teams whose cases an agent or lead key works on; empty: every team (keys made before teams
 *              existed, admins, analysts and integrations)
 */
public record ApiKey(String id, String owner, Role role, Instant createdAt, String createdBy,
    java.util.Set<String> teams) {
  public ApiKey {
    teams = java.util.Set.copyOf(teams);
  }
}
