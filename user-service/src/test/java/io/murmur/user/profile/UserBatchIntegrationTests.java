package io.murmur.user.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.murmur.user.Api;
import io.murmur.user.Api.Account;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class UserBatchIntegrationTests {

	private Api api;

	private String token;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
		this.token = this.api.login(this.api.register()).accessToken();
	}

	private ResponseSpec batch(List<?> ids) {
		return this.api.client()
			.post()
			.uri("/internal/users/batch")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", ids))
			.exchange();
	}

	@Test
	void shouldReturnTheUsersFoundInTheOrderAskedWithOneQuery() {
		Account first = this.api.register();
		Account second = this.api.register();
		List<String> ids = new ArrayList<>(List.of(second.id(), "8999999999999999999", first.id()));
		IntStream.range(0, 197).mapToObj((i) -> Long.toString(8_000_000_000_000_000_000L + i)).forEach(ids::add);
		assertThat(ids).hasSize(200);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		long queries = statistics.getPrepareStatementCount();

		batch(ids).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(2)
			.jsonPath("$.items[0].id")
			.isEqualTo(second.id())
			.jsonPath("$.items[1].id")
			.isEqualTo(first.id())
			.jsonPath("$.items[1].handle")
			.isEqualTo(first.user().handle());

		assertThat(statistics.getPrepareStatementCount() - queries).isEqualTo(1);
	}

	@Test
	void shouldRefuseMoreThan200Ids() {
		List<String> ids = IntStream.rangeClosed(1, 201).mapToObj(Long::toString).toList();
		batch(ids).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://murmur.example/problems/validation-failed")
			.jsonPath("$.errors[0].field")
			.isEqualTo("ids");
	}

	@Test
	void shouldRefuseMalformedIds() {
		batch(List.of("1", "x")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("ids[1]");
	}

	@Test
	void shouldAnswerAnEmptyBatchWithNoUsers() {
		batch(List.of()).expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
	}

}
