package org.polenta.listener.mapping;

/** Why a well-formed sample is deliberately not stored. */
public enum SkipReason {
    /** No resource type maps the meter and unknown meters are skipped. */
    UNKNOWN_METER,
    /** The sample is about the service project (filter_project). */
    FILTERED_PROJECT
}
