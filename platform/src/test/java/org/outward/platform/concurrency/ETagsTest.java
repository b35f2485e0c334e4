package org.outward.platform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.PreconditionFailedException;
import org.outward.platform.errors.PreconditionRequiredException;

class ETagsTest {

    @Test
    void aVersionIsAQuotedTagAndComesBackFromIfMatch() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.expectedVersion("\"7\"")).isEqualTo(7L);
        assertThat(ETags.expectedVersion("W/\"7\"")).isEqualTo(7L);
        assertThat(ETags.expectedVersion(" 7 ")).isEqualTo(7L);
        assertThat(ETags.expectedVersion("*")).isNull();
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThatThrownBy(() -> ETags.expectedVersion("\"seven\"")).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void requiredIfMatchIs428WhenMissingAndStarStillMeansAnyVersion() {
        assertThatThrownBy(() -> ETags.requiredVersion(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> ETags.requiredVersion(" ")).isInstanceOf(PreconditionRequiredException.class);
        assertThat(ETags.requiredVersion("*")).isNull();
        assertThat(ETags.requiredVersion("\"3\"")).isEqualTo(3L);
    }

    @Test
    void checkRefusesAnotherVersionOnly() {
        ETags.check(null, 4);
        ETags.check(4L, 4);
        assertThatThrownBy(() -> ETags.check(3L, 4)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("version 4");
    }

    @Test
    void requireAcceptsAnyTagOfAListThatIsCurrent() {
        assertThat(ETags.require("\"2\", W/\"4\"", 4)).isEqualTo(4);
        assertThat(ETags.require("*", 9)).isEqualTo(9);
        assertThatThrownBy(() -> ETags.require("\"2\", \"3\"", 4)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ETags.require("", 4)).isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void versionedWritesRetryUntilAnAttemptWritesAndGiveUpWith409() {
        AtomicInteger attempts = new AtomicInteger();
        String written = VersionedWrites.retry("Thing", () -> attempts.incrementAndGet() < 3
                ? Optional.empty() : Optional.of("written at attempt " + attempts.get()));
        assertThat(written).isEqualTo("written at attempt 3");

        AtomicInteger lost = new AtomicInteger();
        assertThatThrownBy(() -> VersionedWrites.retry("Library 12", () -> {
            lost.incrementAndGet();
            return Optional.empty();
        })).isInstanceOf(ConflictException.class).hasMessage("Library 12 changed while it was being written; try again.");
        assertThat(lost).hasValue(VersionedWrites.ATTEMPTS);
    }

    @Test
    void aStaleIfMatchStopsTheRetriesAt412() {
        long[] current = {5};
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> VersionedWrites.retry("Thing", () -> {
            attempts.incrementAndGet();
            ETags.check(5L, current[0]);
            current[0]++; // someone else wrote between our read and our write
            return Optional.empty();
        })).isInstanceOf(PreconditionFailedException.class);
        assertThat(attempts).hasValue(2);
    }
}
