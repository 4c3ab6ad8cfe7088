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
    void ports_are_stripped_so_a_client_cannot_get_a_bucket_per_connection() {
        assertEquals("10.0.0.1", ClientAddress.key("10.0.0.1:4444"));
        assertEquals(ClientAddress.key("10.0.0.1:4444"), ClientAddress.key("10.0.0.1:4445"));
        assertEquals(ClientAddress.key("2001:db8:1:2::1"), ClientAddress.key("[2001:db8:1:2::1]:4444"));
    }

    @Test
    void anything_that_does_not_parse_shares_one_key_and_is_never_looked_up_in_dns() {
        String unparseable = ClientAddress.key("unknown");
        assertEquals(ClientAddress.UNPARSEABLE, unparseable);
        assertEquals(unparseable, ClientAddress.key("proxy.internal"));
        assertEquals(unparseable, ClientAddress.key("_hidden:1234"));
        assertEquals(unparseable, ClientAddress.key("random-" + java.util.UUID.randomUUID()));
        assertEquals(unparseable, ClientAddress.key("1.2.3.4.5"));
        assertEquals(unparseable, ClientAddress.key("999.1.1.1"));
        assertEquals(unparseable, ClientAddress.key("dead"));
    }
}
