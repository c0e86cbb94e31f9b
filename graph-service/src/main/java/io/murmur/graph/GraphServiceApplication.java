package io.murmur.graph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * graph-service: the follow graph. It records who follows whom in Neo4j, serves follower
 * and following pages, relationships and counts, feeds fan-out with every follower of a
 * user, and publishes follows and unfollows through an outbox kept in the graph itself.
 */
@SpringBootApplication
public class GraphServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(GraphServiceApplication.class, args);
	}

}
