package org.outward.contracts.catalog;

/** A resource a webinar links: kind is one of worksheet, facilitator-guide, sample-materials, slides. */
public record ResourceData(String title, String kind, String url) {
}
