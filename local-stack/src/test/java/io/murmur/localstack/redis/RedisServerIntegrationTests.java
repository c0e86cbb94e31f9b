package io.murmur.localstack.redis;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import io.murmur.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

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

}
