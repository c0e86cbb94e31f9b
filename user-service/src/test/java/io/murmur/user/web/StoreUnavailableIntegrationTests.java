package io.murmur.user.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.support.web.StoreUnavailableExceptions;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared set-up declares PostgreSQL's failures for a service with a database, so that
 * a request failing on an unreachable PostgreSQL gets 503, not 500.
 */
@UserServiceIntegrationTest
class StoreUnavailableIntegrationTests {

	@Autowired
	private List<StoreUnavailableExceptions> stores;

	@Test
	void shouldAnswer503WhenPostgresCannotBeReached() {
		assertThat(this.stores).extracting(StoreUnavailableExceptions::store).containsExactly("PostgreSQL");
	}

}
