package io.murmur.user.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import io.murmur.user.config.UserProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTests {

	private final ClientAddressResolver resolver = new ClientAddressResolver(
			properties("127.0.0.0/8", "::1", "10.1.0.0/16"));

	private static UserProperties properties(String... trustedProxies) {
		return new UserProperties(new UserProperties.Jwt(Duration.ofMinutes(15), Duration.ofMinutes(15), null, null),
				new UserProperties.RefreshToken(Duration.ofDays(30)),
				new UserProperties.LoginThrottle(Duration.ofMinutes(15), 5, 20),
				new UserProperties.Web(List.of(trustedProxies)), new UserProperties.PasswordHashing(0), null);
	}

	private static MockHttpServletRequest request(String remoteAddress, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remoteAddress);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

	@Test
	void shouldUseTheFirstHopWhenTheRequestComesFromATrustedProxy() {
		assertThat(this.resolver.resolve(request("10.1.2.3", "203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
		assertThat(this.resolver.resolve(request("127.0.0.1", "2001:db8::1"))).isEqualTo("2001:db8::1");
	}

	@Test
	void shouldIgnoreTheHeaderFromAnyoneElse() {
		assertThat(this.resolver.resolve(request("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
	}

	@Test
	void shouldUseTheConnectionWithoutHeaderOrWithGarbageInIt() {
		assertThat(this.resolver.resolve(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(this.resolver.resolve(request("10.1.2.3", "<script>, 1.2.3.4"))).isEqualTo("10.1.2.3");
	}

}
