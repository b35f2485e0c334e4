package org.outward.contracts.catalog;

/** A labelled link, for example a recording ("YouTube", url). */
public record LinkData(String label, String url) {
}
