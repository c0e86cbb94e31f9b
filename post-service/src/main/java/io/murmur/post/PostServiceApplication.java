package io.murmur.post;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * post-service: posts in Cassandra. It publishes, reads and deletes posts, keeps each
 * user's timeline and each post's replies, likes, reposts and their counts, extracts
 * mentions and hashtags, and publishes the post events through a Cassandra-side outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PostServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PostServiceApplication.class, args);
	}

}
