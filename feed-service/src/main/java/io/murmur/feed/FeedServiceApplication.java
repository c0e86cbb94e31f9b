package io.murmur.feed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * feed-service: everyone's home feed. It keeps each feed as a capped Redis sorted set of
 * post ids, pushes ordinary authors' posts into their active followers' feeds as the
 * events arrive, pulls the posts of authors with very many followers in when a feed is
 * read, and rebuilds any feed Redis does not have from graph-service and post-service,
 * which hold the truth.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(FeedServiceApplication.class, args);
	}

}
