package io.murmur.localstack.redis;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.StoreOutage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisServerIntegrationTests {

	@Test
	void shouldStoreAndReadASortedSetThroughLettuce() {
		RedisServer redis = LocalStack.shared().redis();
		RedisClient client = RedisClient.create(redis.uri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> commands = connection.sync();
			commands.zadd("{feed:1}", 3, "post-3");
			commands.zadd("{feed:1}", 1, "post-1");
			commands.zadd("{feed:1}", 2, "post-2");
			assertThat(commands.zrevrange("{feed:1}", 0, -1)).containsExactly("post-3", "post-2", "post-1");
			assertThat(commands.info("server")).contains("redis_version:6.2");
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
		assertThat(redis.isHealthy()).isTrue();
		assertThat(redis.springProperties()).containsEntry("spring.data.redis.port", Integer.toString(redis.port()));
	}

	@Test
	void shouldForgetEveryKeyOfEveryDatabaseOnFlushAll() {
		RedisServer redis = LocalStack.shared().redis();
		RedisClient client = RedisClient.create(redis.uri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> commands = connection.sync();
			commands.set("session:1", "ada");
			commands.select(3);
			commands.set("session:3", "grace");

			redis.flushAll();

			assertThat(commands.exists("session:3")).isZero();
			commands.select(0);
			assertThat(commands.exists("session:1")).isZero();
			assertThat(commands.dbsize()).isZero();
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void shouldComeBackEmptyOnTheSamePortAfterARestart() {
		RedisServer redis = LocalStack.shared().redis();
		RedisClient client = RedisClient.create(redis.uri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().zadd("{feed:2}", 1, "post-1");

			StoreOutage.stopAndRestart(redis, redis.port());

			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(connection.sync().exists("{feed:2}")).isZero());
			assertThat(connection.sync().dbsize()).isZero();
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
