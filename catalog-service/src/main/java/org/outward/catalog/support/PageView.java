package org.outward.catalog.support;

import java.util.List;

/** One page of a longer list: the items, the page asked for, its size and how many there are in all. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
