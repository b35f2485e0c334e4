package org.outward.catalog.webinar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The webinar ids in their new series order: the first gets position 1. */
public record ReorderRequest(@NotEmpty @Size(max = 99) List<@NotBlank @Size(max = 100) String> ids) {
}
