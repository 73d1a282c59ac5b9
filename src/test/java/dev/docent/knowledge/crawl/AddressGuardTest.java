package dev.docent.knowledge.crawl;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest
    @CsvSource({ "http://127.0.0.1/, loopback", "http://127.8.9.10/, loopback", "http://[::1]/, loopback",
            "http://10.1.2.3/, private", "http://172.16.0.1/, private", "http://192.168.1.1/, private",
            "http://169.254.169.254/latest/meta-data/, link-local", "http://[fe80::1]/, link-local",
            "http://[fd00::1]/, private", "http://0.0.0.0/, unspecified", "http://[::ffff:127.0.0.1]/, loopback",
            "http://100.64.0.1/, carrier-grade", "http://224.0.0.1/, multicast" })
    void internalAddressesAreRefusedNamingWhatTheyAre(String url, String kind) {
        assertThatThrownBy(() -> new AddressGuard(List.of()).check(URI.create(url)))
            .isInstanceOf(AddressGuard.Refused.class)
            .hasMessageContaining(kind)
            .hasMessageContaining("DOCENT_KNOWLEDGE_FETCH_ALLOW");
    }

    @Test
    void aPublicNameThatResolvesToAnInternalAddressIsRefused() {
        AddressGuard guard = new AddressGuard(List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5") });

        assertThatThrownBy(() -> guard.check(URI.create("https://docs.example.org/"))).hasMessageContaining("private")
            .hasMessageContaining("10.0.0.5");
    }

    @Test
    void publicAddressesPass() {
        AddressGuard guard = new AddressGuard(List.of(),
                host -> new InetAddress[] { InetAddress.getByName("93.184.216.34") });

        assertThatCode(() -> guard.check(URI.create("https://docs.example.org/3/"))).doesNotThrowAnyException();
    }

    @Test
    void theAllowListNamesHostsAddressesAndRanges() throws Exception {
        AddressGuard guard = new AddressGuard(List.of(" docs.intranet ", "127.0.0.1", "10.1.0.0/16"),
                host -> new InetAddress[] { InetAddress.getByName(host.equals("docs.intranet") ? "10.9.9.9" : host) });

        guard.check(URI.create("http://docs.intranet/guide/"));
        guard.check(URI.create("http://127.0.0.1:8080/"));
        guard.check(URI.create("http://10.1.200.3/"));
        assertThatThrownBy(() -> guard.check(URI.create("http://10.2.0.1/"))).isInstanceOf(AddressGuard.Refused.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.2/"))).isInstanceOf(AddressGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "file:///etc/passwd", "ftp://example.org/", "gopher://example.org/" })
    void onlyHttpIsFetched(String url) {
        assertThatThrownBy(() -> new AddressGuard(List.of()).check(URI.create(url)))
            .isInstanceOf(AddressGuard.Refused.class)
            .hasMessageContaining("only http and https");
    }

}
