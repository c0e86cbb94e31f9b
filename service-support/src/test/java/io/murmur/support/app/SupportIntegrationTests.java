package io.murmur.support.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.support.test.TestTokens;

/**
 * The base of the integration tests: {@link SupportTestApplication} on a random port,
 * checking the tokens of a {@link TestTokens} stand-in, with a request body limit of 1
 * KB.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "murmur.web.max-request-body-size=1KB")
public abstract class SupportIntegrationTests {

	protected static final TestTokens tokens = TestTokens.start();

	protected Http http;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@AfterAll
	static void stop() {
		tokens.close();
	}

	@BeforeEach
	void setUpHttp(@LocalServerPort int port) {
		this.http = new Http(port);
	}

}
