package org.outward.platform.roster;

import java.time.Clock;
import org.outward.contracts.roster.RosterView;
import org.outward.platform.kafka.EventConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every service that does not own the roster keeps a {@link RosterMirror}; catalog-service, which owns it,
 * declares its own {@link RosterView} over its roster collections, and then none of this is created.
 */
@AutoConfiguration(afterName = "org.outward.platform.PlatformAutoConfiguration")
@ConditionalOnMissingBean(RosterView.class)
public class RosterMirrorConfiguration {

    @Bean
    RosterMirror rosterMirror(MongoTemplate mongo, Clock clock) {
        return new RosterMirror(mongo, clock);
    }

    @Bean
    RosterMirrorListener rosterMirrorListener(EventConsumer consumer, RosterMirror mirror,
            ObjectProvider<RosterChangeHandler> handlers) {
        return new RosterMirrorListener(consumer, mirror, handlers.orderedStream().toList());
    }
}
