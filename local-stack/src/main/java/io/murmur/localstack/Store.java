package io.murmur.localstack;

import java.util.function.Function;

import io.murmur.localstack.cassandra.CassandraServer;
import io.murmur.localstack.elasticsearch.ElasticsearchServer;
import io.murmur.localstack.kafka.KafkaServer;
import io.murmur.localstack.neo4j.Neo4jServer;
import io.murmur.localstack.postgres.PostgresServer;
import io.murmur.localstack.redis.RedisServer;
import io.murmur.localstack.s3.S3Server;

/**
 * The real backing stores local-stack can run, each as its own native process.
 */
public enum Store {

	KAFKA("kafka", KafkaServer::start),

	CASSANDRA("cassandra", CassandraServer::start),

	NEO4J("neo4j", Neo4jServer::start),

	ELASTICSEARCH("elasticsearch", ElasticsearchServer::start),

	S3("s3", S3Server::start),

	POSTGRES("postgres", PostgresServer::start),

	REDIS("redis", RedisServer::start);

	private final String id;

	private final Function<StoreContext, ? extends StoreServer> starter;

	Store(String id, Function<StoreContext, ? extends StoreServer> starter) {
		this.id = id;
		this.starter = starter;
	}

	/**
	 * The short lower-case name used for directories, logs and the command line.
	 * @return the store id
	 */
	public String id() {
		return this.id;
	}

	StoreServer start(StoreContext context) {
		return this.starter.apply(context);
	}

	/**
	 * Finds a store by its {@link #id()}.
	 * @param id the id, case-insensitive
	 * @return the store
	 * @throws IllegalArgumentException if no store has that id
	 */
	public static Store fromId(String id) {
		for (Store store : values()) {
			if (store.id.equalsIgnoreCase(id)) {
				return store;
			}
		}
		throw new IllegalArgumentException("Unknown store '" + id + "'");
	}

}
