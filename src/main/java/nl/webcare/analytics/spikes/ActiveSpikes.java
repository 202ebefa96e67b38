package nl.webcare.analytics.spikes;

import java.util.Collection;
import java.util.List;

/**
 * The spikes going on, as this process's spike watcher last read them (from every process, through Redis): what
 * filing asks whether a new case falls under a spike and gets the crisis SLA band. At most one check interval old.
 */
public final class ActiveSpikes {
  private volatile List<Spike> spikes = List.of();

  public void replace(Collection<Spike> now) {
    spikes = List.copyOf(now);
  }

  public List<Spike> all() {
    return spikes;
  }

  /**
   * Whether a mention of this brand on this channel about these aspects falls under a spike going on: the brand's
   * spike over all channels or on this channel, about one of the same aspects (or about none in particular).
   */
  public boolean covers(String brand, String channel, List<String> aspects) {
    for (Spike s : spikes) {
      boolean sameBrand = s.brand().equals(brand);
      boolean sameScope = Spike.ALL.equals(s.scope()) || s.scope().equalsIgnoreCase(channel == null ? "" : channel);
      boolean sameAspect = s.aspects().isEmpty() || aspects.stream().anyMatch(s.aspects()::contains);
      if (sameBrand && sameScope && sameAspect) {
        return true;
      }
    }
    return false;
  }
}
