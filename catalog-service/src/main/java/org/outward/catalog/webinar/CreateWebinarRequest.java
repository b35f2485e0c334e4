package org.outward.catalog.webinar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.outward.catalog.support.HttpUrl;
import org.outward.catalog.support.Slugs;

/**
 * A new (draft) webinar, and also the body of an edit (PUT replaces the whole content). The lists
 * may be left out and then count as empty.
 *
 * @param sampleFields names of the fields whose values are made-up sample data (the real durations
 *                     and links of the series are not known yet), so the web client can mark them
 */
public record CreateWebinarRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 20) List<@NotNull @Topics.Topic String> topics,
        @NotNull @Min(1) @Max(99) Integer seriesPosition,
        @NotNull @Min(1) @Max(600) Integer durationMinutes,
        @Size(max = 20) List<@NotNull @Valid Link> recordings,
        @Size(max = 50) List<@NotNull @Valid Resource> resources,
        @Size(max = 10) List<@NotNull @Pattern(regexp = SAMPLE_FIELD_PATTERN, message = SAMPLE_FIELD_MESSAGE) String>
                sampleFields) {

    /** The content fields that may hold sample data. */
    static final String SAMPLE_FIELD_PATTERN =
            "^(title|summary|topics|seriesPosition|durationMinutes|recordings|resources)$";
    static final String SAMPLE_FIELD_MESSAGE =
            "must be one of title, summary, topics, seriesPosition, durationMinutes, recordings, resources";

    public CreateWebinarRequest {
        topics = topics == null ? List.of() : topics;
        recordings = recordings == null ? List.of() : recordings;
        resources = resources == null ? List.of() : resources;
        sampleFields = sampleFields == null ? List.of() : sampleFields;
    }

    /** A recording, for example ("YouTube", https://...). */
    public record Link(
            @NotBlank @Size(max = 100) String label,
            @NotBlank @Size(max = 2000) @HttpUrl String url) {
    }

    /**
     * @param key optional stable name of the resource within its webinar (progress refers to it);
     *            when left out an edit keeps the key of the resource with the same url or title,
     *            and a new resource gets one made from its title
     */
    public record Resource(
            @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String key,
            @NotBlank @Size(max = 200) String title,
            @NotNull ResourceKind kind,
            @NotBlank @Size(max = 2000) @HttpUrl String url) {
    }
}
