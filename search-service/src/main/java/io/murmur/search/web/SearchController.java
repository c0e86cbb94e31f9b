package io.murmur.search.web;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.search.query.QueryParser;
import io.murmur.search.query.SearchQuery;

/**
 * The search API. Every request needs an access token; results are hydrated with the
 * reader's view (likes, reposts) through it.
 */
@RestController
@Tag(name = "search", description = "Posts, people and hashtags, and what is trending")
class SearchController {

	static final String GRAMMAR = """
			Words must all be there, in any form: `running` also finds `runs`. \
			`"a phrase"` finds the words in this order as written; curly quotes (“ ”) work as well. \
			`-term` leaves out posts with it (any term, e.g. `-#ad`, `-from:bot`). \
			`a OR b` finds either; OR binds the terms next to it, so `cats dogs OR birds` is cats and (dogs or birds). \
			`#tag` finds the hashtag, `@handle` posts mentioning that user. \
			`from:handle`, `since:YYYY-MM-DD` and `until:YYYY-MM-DD` (both days included, UTC), `has:media`, `is:reply`. \
			Chinese and Japanese text is found without spaces. A query that does not parse is a 400 \
			problem whose `position` (counting characters from 1) and `reason` say where and why.""";

	private final PostSearch posts;

	private final PeopleSearch people;

	private final HashtagSearch hashtags;

	private final TrendFinder trends;

	private final MeterRegistry meters;

	SearchController(PostSearch posts, PeopleSearch people, HashtagSearch hashtags, TrendFinder trends,
			MeterRegistry meters) {
		this.posts = posts;
		this.people = people;
		this.hashtags = hashtags;
		this.trends = trends;
		this.meters = meters;
	}

	@GetMapping(path = "/api/v1/search/posts", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "searchPosts", summary = "Search posts", description = GRAMMAR)
	@ApiResponse(responseCode = "200", description = "A page of posts, hydrated as in a feed")
	@ApiResponse(responseCode = "400", description = "The query does not parse, or a bad cursor or parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	SearchResults.Page<SearchResults.FoundPost> searchPosts(@AuthenticationPrincipal Jwt token,
			@Parameter(description = "The query, in the grammar above") @RequestParam @NotBlank @Size(
					max = 500) String q,
			@Parameter(description = "latest (newest first) or top (best match, newer weighing more)") @RequestParam(
					defaultValue = "latest") @Pattern(regexp = "(?i)latest|top",
							message = "must be latest or top") String sort,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit,
			@Parameter(description = "The nextCursor of the previous page") @RequestParam(
					required = false) @Nullable String cursor) {
		SearchQuery query = QueryParser.parse(q);
		PostSort order = PostSort.of(sort);
		Cursor after = (cursor != null) ? Cursor.decode(cursor, order) : null;
		return timed("posts", () -> this.posts.search(query, order, limit, after, token.getTokenValue()));
	}

	@GetMapping(path = "/api/v1/search/users", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "searchUsers", summary = "Find people by handle or name as they are typed",
			description = "Typeahead: handles and display names starting with what was typed (a leading @ is "
					+ "ignored). The exact handle comes first; more followers rank higher.")
	@ApiResponse(responseCode = "200", description = "The people found")
	@ApiResponse(responseCode = "400", description = "A bad parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	SearchResults.Page<SearchResults.FoundUser> searchUsers(@AuthenticationPrincipal Jwt token,
			@RequestParam @NotBlank @Size(max = 50) String q,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return timed("users", () -> this.people.search(q.strip(), limit, token.getTokenValue()));
	}

	@GetMapping(path = "/api/v1/search/hashtags", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "searchHashtags", summary = "Find hashtags by prefix, with their recent use",
			description = "Hashtags starting with what was typed (a leading # is ignored), the exact one first, "
					+ "then by posts using them in the last 7 days.")
	@ApiResponse(responseCode = "200", description = "The hashtags found")
	@ApiResponse(responseCode = "400", description = "A bad parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	SearchResults.Page<SearchResults.FoundHashtag> searchHashtags(@RequestParam @NotBlank @Size(max = 101) String q,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return timed("hashtags", () -> this.hashtags.search(q.strip(), limit));
	}

	@GetMapping(path = "/api/v1/trends", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listTrends", summary = "What is trending now",
			description = "Hashtags whose distinct authors in the current window stand above their baseline, "
					+ "strongest first, each with its distinct authors per recent window for a sparkline.")
	@ApiResponse(responseCode = "200", description = "The trends")
	@ApiResponse(responseCode = "400", description = "A bad parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	SearchResults.Trends listTrends(@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return timed("trends", () -> this.trends.trends(limit));
	}

	private <T> T timed(String kind, Supplier<T> search) {
		Timer timer = Timer.builder("murmur.search.query")
			.tag("kind", kind)
			.description("Search requests answered, from the parsed query to the hydrated page")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(this.meters);
		return timer.record(search);
	}

}
