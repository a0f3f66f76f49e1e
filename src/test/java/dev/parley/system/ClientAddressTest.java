package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who is on this machine, and which key a client's limits count under. */
class ClientAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "0:0:0:0:0:0:0:1", "::1", "::ffff:127.0.0.1"})
    void loopbackAddressesAreThisMachine(String address) {
        assertThat(new ClientAddress(address).isLoopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "128.0.0.1", "1.127.0.0.1", "127.0.0.1.evil.example", "::2", "fe80::1",
            "unknown", "localhost", ""})
    void anythingElseIsNot(String address) {
        // "localhost" as an address is no address: only a Host header may name this machine by name.
        assertThat(new ClientAddress(address).isLoopback()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.3.2.1", "[::1]", "[0:0:0:0:0:0:0:1]"})
    void loopbackHostsNameThisMachine(String host) {
        assertThat(ClientAddress.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "localhost.evil.example", "evil.localhost", "127.0.0.1.nip.io",
            "[::2]", "localhost."})
    void otherHostsDoNot(String host) {
        assertThat(ClientAddress.isLoopbackHost(host)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7,                  203.0.113.7",
            "2001:db8:1:2:3:4:5:6,         2001:db8:1:2:0:0:0:0/64",
            "2001:db8:1:2:ffff:ffff:0:1,   2001:db8:1:2:0:0:0:0/64",
            "0:0:0:0:0:0:0:1,              0:0:0:0:0:0:0:0/64",
            "::ffff:203.0.113.7,           203.0.113.7",
            "not-an-address,               not-an-address"})
    void anIpv6ClientCountsByItsSlash64AndAnIpv4OneByItsAddress(String address, String key) {
        assertThat(new ClientAddress(address).limitKey()).isEqualTo(key);
    }
}
