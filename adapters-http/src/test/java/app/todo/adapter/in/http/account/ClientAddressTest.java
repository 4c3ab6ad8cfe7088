package app.todo.adapter.in.http.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Trust review finding 5: one IPv6 client holds a /64, so that is what a limit counts. */
class ClientAddressTest {

    @Test
    void ipv6_addresses_count_by_their_64_bit_network() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.key("2001:db8:1:2::1"));
        assertEquals(ClientAddress.key("2001:db8:1:2::1"), ClientAddress.key("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals(ClientAddress.key("2001:db8:1:2::1"), ClientAddress.key("[2001:db8:1:2::abcd]"));
        assertNotEquals(ClientAddress.key("2001:db8:1:2::1"), ClientAddress.key("2001:db8:1:3::1"));
    }

    @Test
    void ipv4_addresses_and_mapped_ones_count_alone() {
        assertEquals("203.0.113.7", ClientAddress.key("203.0.113.7"));
        assertEquals("203.0.113.7", ClientAddress.key("::ffff:203.0.113.7"));
        assertNotEquals(ClientAddress.key("203.0.113.7"), ClientAddress.key("203.0.113.8"));
    }

    @Test
    void anything_else_is_kept_as_it_is_and_never_looked_up_in_dns() {
        assertEquals("proxy.internal", ClientAddress.key("proxy.internal"));
        assertEquals("unknown", ClientAddress.key("unknown"));
    }
}
