package io.murmur.user;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * user-service: accounts and identity. It registers users, signs them in, issues the
 * RS256 access tokens every other service trusts (their public keys are published as a
 * JWKS), rotates refresh tokens, keeps profiles, and publishes the user events through a
 * transactional outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UserServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(UserServiceApplication.class, args);
	}

}
