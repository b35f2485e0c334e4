package org.outward.contracts.catalog;

/**
 * A resource a webinar links. {@code key} is stable across edits and names the resource in progress marks
 * ({@code ProgressRecorded.resourceKey}); kind is one of worksheet, facilitator-guide, sample-materials, slides.
 */
public record ResourceData(String key, String title, String kind, String url) {
}
