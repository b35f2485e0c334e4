package org.outward.notification.web;

import java.util.List;

/** One page of a listing; {@code page} counts from 0, {@code total} is the number of matches. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
