package io.murmur.search.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import io.murmur.search.config.SearchProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one hashtag's distinct authors per window score, the current window last.
 */
class TrendFinderTests {

	private final TrendFinder finder = new TrendFinder(
			new ElasticsearchClient(new RestClientTransport(RestClient.builder(new HttpHost("127.0.0.1", 9)).build(),
					new JacksonJsonpMapper())),
			new SearchProperties(
					new SearchProperties.Elasticsearch(List.of(URI.create("http://127.0.0.1:9")),
							Duration.ofSeconds(1)),
					new SearchProperties.Indexing(Duration.ofMillis(50), 1000, 2, Duration.ofSeconds(30)),
					new SearchProperties.Trends(Duration.ofHours(1), 4, 3, 1.0, 3),
					new SearchProperties.Reindex(500, Duration.ofSeconds(2))),
			Clock.systemUTC());

	@Test
	void shouldScoreANewHashtagAgainstTheMinimumExpectation() {
		SearchResults.Trend trend = this.finder.trend("new", new long[] { 0, 0, 0, 0, 5 });
		assertThat(trend).isNotNull();
		assertThat(trend.score()).isEqualTo(16.0);
		assertThat(trend.expected()).isEqualTo(1.0);
		assertThat(trend.counts()).containsExactly(0L, 0L, 5L);
	}

	@Test
	void shouldRankARiseAboveItsOwnBaseline() {
		SearchResults.Trend rising = this.finder.trend("rising", new long[] { 2, 2, 2, 2, 8 });
		assertThat(rising).isNotNull();
		assertThat(rising.score()).isEqualTo(18.0 + 0.0);
		assertThat(this.finder.trend("fading", new long[] { 0, 0, 0, 6, 4 }).score()).isGreaterThan(0);
	}

	@Test
	void shouldLeaveOutSteadyTagsAndTagsOfTooFewAuthors() {
		assertThat(this.finder.trend("steady", new long[] { 5, 5, 5, 5, 5 })).isNull();
		assertThat(this.finder.trend("few", new long[] { 0, 0, 0, 0, 2 })).isNull();
	}

}
