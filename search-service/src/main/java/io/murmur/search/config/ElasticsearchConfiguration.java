package io.murmur.search.config;

import java.util.Locale;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientHttpClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch client, and its health for readiness. The documents are
 * (de)serialised with a Jackson 2 mapper of their own, as the 8.x client requires; times
 * as ISO-8601. Request bodies leave in one buffer ({@link OneBufferBodies}), and
 * asynchronous answers (the bulk ingester's) are handed off the HTTP client's I/O thread
 * ({@link HandOffTransport}).
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	@Bean(destroyMethod = "close")
	RestClient elasticsearchRestClient(SearchProperties properties) {
		HttpHost[] hosts = properties.elasticsearch()
			.uris()
			.stream()
			.map((uri) -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
			.toArray(HttpHost[]::new);
		int timeout = (int) properties.elasticsearch().timeout().toMillis();
		return RestClient.builder(hosts)
			.setRequestConfigCallback(
					(config) -> config.setConnectTimeout(Math.min(timeout, 2000)).setSocketTimeout(timeout))
			.setHttpClientConfigCallback((http) -> http.setMaxConnTotal(64).setMaxConnPerRoute(64))
			.build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(RestClient restClient) {
		ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.setSerializationInclusion(JsonInclude.Include.NON_NULL);
		JacksonJsonpMapper jsonp = new JacksonJsonpMapper(mapper);
		TransportOptions options = new RestClientTransport(restClient, jsonp).options();
		ElasticsearchTransport transport = new ElasticsearchTransportBase(
				new OneBufferBodies(new RestClientHttpClient(restClient)), options, jsonp) {
		};
		return new ElasticsearchClient(new HandOffTransport(transport));
	}

	/**
	 * Elasticsearch's cluster health: {@code GET /}, which client {@code ping()} uses, is
	 * not there in every distribution. Yellow is up: on one node it only means replicas
	 * that have nowhere to go.
	 */
	@Bean
	HealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
		return () -> {
			try {
				HealthStatus status = client.cluster().health().status();
				Health.Builder health = (status == HealthStatus.Red) ? Health.down() : Health.up();
				return health.withDetail("status", status.jsonValue().toLowerCase(Locale.ROOT)).build();
			}
			catch (Exception ex) {
				return Health.down(ex).build();
			}
		};
	}

}
