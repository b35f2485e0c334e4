package org.outward.platform.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.outward.platform.proxy.ClientAddressResolver.Header;

class ClientAddressResolverTest {

    private static final ClientAddressResolver BEHIND_LB = new ClientAddressResolver(
            TrustedProxies.of(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8")), Header.X_FORWARDED_FOR);

    private static Function<String, List<String>> headers(Map<String, List<String>> values) {
        return name -> values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(List.of());
    }

    private static Function<String, List<String>> xff(String... values) {
        return headers(Map.of("X-Forwarded-For", List.of(values)));
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItSends() {
        assertThat(BEHIND_LB.resolve("203.0.113.9", xff("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(BEHIND_LB.resolve("203.0.113.9", headers(Map.of("Forwarded", List.of("for=198.51.100.1")))))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedAddressIsTheClient() {
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff("198.51.100.7"))).isEqualTo("198.51.100.7");
        // What the client wrote itself stays to the left of what our proxy appended, and is never reached.
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff("1.1.1.1, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff("1.1.1.1", "198.51.100.7, 10.9.9.9"))).isEqualTo("198.51.100.7");
        assertThat(BEHIND_LB.resolve("127.0.0.1", xff("198.51.100.7:51234"))).isEqualTo("198.51.100.7");
        assertThat(BEHIND_LB.resolve("::ffff:127.0.0.1", xff("198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void withoutAUsableHeaderTheLastAddressVouchedForStands() {
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff())).isEqualTo("10.1.2.3");
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff("unknown"))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff("198.51.100.7, evil.example"))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff("999.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_LB.resolve("10.1.2.3", xff("10.4.4.4, 10.5.5.5"))).as("all trusted: the leftmost")
                .isEqualTo("10.4.4.4");
    }

    @Test
    void theForwardedHeaderIsReadOnlyWhenConfigured() {
        Function<String, List<String>> both = headers(Map.of(
                "Forwarded", List.of("for=192.0.2.60;proto=http;by=203.0.113.43, for=\"[2001:db8:cafe::17]:4711\""),
                "X-Forwarded-For", List.of("198.51.100.7")));
        assertThat(BEHIND_LB.resolve("10.1.2.3", both)).isEqualTo("198.51.100.7");

        ClientAddressResolver forwarded = new ClientAddressResolver(TrustedProxies.of(List.of("10.0.0.0/8")),
                Header.FORWARDED);
        assertThat(forwarded.resolve("10.1.2.3", both)).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(forwarded.resolve("10.1.2.3", headers(Map.of("Forwarded", List.of("for=_hidden")))))
                .isEqualTo("10.1.2.3");
        assertThat(forwarded.resolve("10.1.2.3", headers(Map.of("Forwarded",
                List.of("For=\"198.51.100.2\";Proto=https"))))).isEqualTo("198.51.100.2");
    }

    @Test
    void ipv6RangesAndNodesWork() {
        assertThat(BEHIND_LB.resolve("fd12::1", xff("2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(BEHIND_LB.resolve("2001:db8::9", xff("198.51.100.7"))).isEqualTo("2001:db8:0:0:0:0:0:9");
        assertThat(ClientAddressResolver.forwardedNode("2001:db8:0:0:0:0:0:5")).isEqualTo("for=\"[2001:db8:0:0:0:0:0:5]\"");
        assertThat(ClientAddressResolver.forwardedNode("198.51.100.7")).isEqualTo("for=198.51.100.7");
    }

    @Test
    void trustedProxiesAreAddressesOrRangesNeverNames() {
        assertThat(TrustedProxies.of(List.of("", " ")).isEmpty()).isTrue();
        assertThat(TrustedProxies.none().isEmpty()).isTrue();
        assertThatThrownBy(() -> TrustedProxies.of(List.of("gateway"))).hasMessageContaining("'gateway'");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
        assertThatThrownBy(() -> Header.named("X-Real-IP")).hasMessageContaining("X-Real-IP");
        assertThat(Header.named("forwarded")).isEqualTo(Header.FORWARDED);
    }
}
