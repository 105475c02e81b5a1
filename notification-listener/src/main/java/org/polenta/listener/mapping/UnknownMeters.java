package org.polenta.listener.mapping;

/** What happens to a meter no resource type claims: counted and skipped (Ceilometer's behaviour) or filed. */
public record UnknownMeters(Action action, String resourceType, String archivePolicy) {

    public enum Action { SKIP, MAP }
}
